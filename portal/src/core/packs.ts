// Rule packs in the browser. The module carries the packs it was built with,
// so quotes work offline from the first visit. When online, the portal asks
// the server's /api/v1/rules which packs are in force (content hashes, ETags);
// when they differ it downloads them, keeps them in IndexedDB and switches
// the core to them — at once if no form is being filled in, else when the
// user says so or the forms are done.
import { get, set, del } from 'idb-keyval';
import { watch } from 'vue';
import type { PackInfo, PackSource } from '@powerdesk/core';
import { releaseWaitingCalls, startCore } from './client';
import { session } from '../session';

const CACHE_KEY = 'powerdesk.packs.v1';

/** One pack as /api/v1/rules lists it. */
export interface ServerPack {
  id: string;
  version: string;
  content_hash: string;
  url: string;
  etag: string;
}

interface CachedPackSet {
  /** The server's content hashes, sorted: identifies the set. */
  hashes: string[];
  packs: PackSource[];
  fetchedAt: string;
}

let downloaded: CachedPackSet | null = null;

function hashesOf(packs: { content_hash: string }[]): string[] {
  return packs.map((p) => p.content_hash).sort();
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

async function use(source: 'bundled' | CachedPackSet): Promise<void> {
  session.starting = true;
  try {
    session.packs = await startCore(source === 'bundled' ? 'bundled' : source.packs);
    session.packSource = source === 'bundled' ? 'bundled' : 'server';
    session.startError = '';
  } finally {
    session.starting = false;
  }
}

/** Starts the core: with the packs last downloaded from the server if there are any, else the bundled ones. */
export async function startWithBestPacks(): Promise<void> {
  let cached: CachedPackSet | undefined;
  try {
    cached = await get<CachedPackSet>(CACHE_KEY);
  } catch {
    cached = undefined; // private mode or storage refused: the bundled packs still work
  }
  if (cached) {
    try {
      await use(cached);
      return;
    } catch {
      await del(CACHE_KEY).catch(() => undefined); // a refused cache is dropped, never half-used
    }
  }
  try {
    await use('bundled');
  } catch (e) {
    session.startError = e instanceof Error ? e.message : String(e);
    releaseWaitingCalls();
  }
}

async function fetchJson(url: string): Promise<{ status: number; text: string }> {
  const r = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
  return { status: r.status, text: await r.text() };
}

/**
 * Compares the packs in use with the server's and downloads a new set when
 * they differ. Returns true when a new set is ready (in use or waiting).
 */
export async function refreshPacks(): Promise<boolean> {
  if (!session.online) return false;
  let list: ServerPack[];
  try {
    const r = await fetchJson('/api/v1/rules');
    if (r.status !== 200) return false;
    list = JSON.parse(r.text).result.packs as ServerPack[];
  } catch {
    return false; // no server (a static copy of the portal) or offline: keep what we have
  }
  session.checkedAt = new Date().toISOString();
  const wanted = hashesOf(list);
  if (sameSet(wanted, hashesOf(session.packs))) return false;
  const packs: PackSource[] = [];
  for (const p of list) {
    const r = await fetchJson(p.url);
    // The ETag is the content hash: a pack that changed while we listed is picked up next time.
    if (r.status !== 200) return false;
    packs.push({ name: `${p.id}.json`, json: r.text });
  }
  downloaded = { hashes: wanted, packs, fetchedAt: session.checkedAt };
  await set(CACHE_KEY, downloaded).catch(() => undefined);
  if (session.dirtyForms.size === 0) await applyPackUpdate();
  else session.updateReady = true;
  return true;
}

/** Switches the core to the downloaded packs (the user's choice, or no form in progress). */
export async function applyPackUpdate(): Promise<void> {
  if (!downloaded) return;
  const set = downloaded;
  try {
    await use(set);
  } catch (e) {
    // The server's set was refused by this core (a newer pack format): stay on what works.
    await del(CACHE_KEY).catch(() => undefined);
    session.startError = e instanceof Error ? e.message : String(e);
  }
  downloaded = null;
  session.updateReady = false;
}

/** The pack in force for a region on a day (the regional one, else national). */
export function packFor(region: string, date: string, packs: PackInfo[] = session.packs): PackInfo | undefined {
  return packs.find((p) => p.region === region && p.effective.from <= date && date <= p.effective.to);
}

/** Starts the core, then keeps its packs in step with the server while the page is open. */
export function keepPacksFresh(intervalMs = 30 * 60 * 1000): void {
  void startWithBestPacks().then(() => refreshPacks());
  window.addEventListener('online', () => void refreshPacks());
  setInterval(() => void refreshPacks(), intervalMs);
  // A waiting update goes in as soon as the last form is finished.
  watch(
    () => session.dirtyForms.size,
    (n) => {
      if (n === 0 && session.updateReady) void applyPackUpdate();
    },
  );
}
