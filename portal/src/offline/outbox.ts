// Applications waiting for the network. Submitting puts the application in
// the outbox first (IndexedDB), then sends it; when there is no network it
// stays "queued" and is sent with its stored idempotency key when the
// browser is back online (and when the page loads). The server answers a
// repeated key with the same number ("replayed"), so nothing is stored twice.
import { reactive } from 'vue';
import type { ApplicationReport, ApplicationRequest, Issue, ProcessResult } from '@powerdesk/core';
import { NetworkError, postJson, type ServerAnswer } from '../api/http';
import { session } from '../session';
import { plain, storage } from './drafts';

/** The body of POST /api/v1/applications: the application without `today` (the server sets it). */
export interface SubmissionBody {
  application: Omit<ApplicationRequest, 'today'>;
  variant?: string;
}

export interface TimelineEvent {
  seq: number;
  kind: string;
  actor: string;
  at: string;
}

/** What the server answers a stored application (201, or 200 replayed). */
export interface SubmissionReceipt {
  number: string;
  secret: string;
  accepted: string;
  business: string;
  region: string;
  replayed: boolean;
  assigned: boolean;
  timeline: TimelineEvent[];
  process: ProcessResult;
}

export type OutboxState = 'queued' | 'sent' | 'rejected';

export interface OutboxEntry {
  key: string;
  body: SubmissionBody;
  state: OutboxState;
  queuedAt: string;
  attempts: number;
  receipt?: SubmissionReceipt;
  /** A refusal: the server's issues (paths under /application) and its validation report. */
  errors?: Issue[];
  report?: ApplicationReport;
}

type Post = (path: string, body: unknown, headers: Record<string, string>) => Promise<ServerAnswer<SubmissionReceipt>>;

const PREFIX = 'outbox:';

/** Every entry, for the page (reactive). */
export const outbox = reactive({ entries: [] as OutboxEntry[], sending: false });

async function put(entry: OutboxEntry): Promise<void> {
  await storage().set(PREFIX + entry.key, plain(entry));
  const i = outbox.entries.findIndex((e) => e.key === entry.key);
  if (i >= 0) outbox.entries.splice(i, 1, entry);
  else outbox.entries.push(entry);
}

/** Reads the stored entries into `outbox.entries`. */
export async function loadOutbox(): Promise<OutboxEntry[]> {
  const kv = storage();
  const all: OutboxEntry[] = [];
  for (const k of await kv.keys()) {
    if (!k.startsWith(PREFIX)) continue;
    const e = await kv.get<OutboxEntry>(k);
    if (e) all.push(e);
  }
  all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  outbox.entries.splice(0, outbox.entries.length, ...all);
  return all;
}

export function entryFor(key: string | undefined): OutboxEntry | undefined {
  return key ? outbox.entries.find((e) => e.key === key) : undefined;
}

/** Sends one entry; its new state is stored. A network failure (or a busy server) leaves it queued. */
export async function sendEntry(entry: OutboxEntry, post: Post = postJson): Promise<OutboxEntry> {
  let answer: ServerAnswer<SubmissionReceipt>;
  try {
    answer = await post('/api/v1/applications', entry.body, { 'Idempotency-Key': entry.key });
  } catch (e) {
    if (e instanceof NetworkError) {
      const queued = { ...entry, state: 'queued' as const, attempts: entry.attempts + 1 };
      await put(queued);
      return queued;
    }
    throw e;
  }
  let next: OutboxEntry;
  if ((answer.status === 201 || answer.status === 200) && answer.ok && answer.result) {
    next = { ...entry, state: 'sent', attempts: entry.attempts + 1, receipt: answer.result, errors: undefined, report: undefined };
  } else if (answer.status === 429 || answer.status >= 500 || answer.status === 0) {
    // Rate limit, store unavailable, a proxy's error: try again later with the same key.
    next = { ...entry, state: 'queued', attempts: entry.attempts + 1 };
  } else {
    next = {
      ...entry,
      state: 'rejected',
      attempts: entry.attempts + 1,
      errors: answer.errors ?? [],
      report: answer.body.report as ApplicationReport | undefined,
    };
  }
  await put(next);
  return next;
}

/**
 * Puts an application in the outbox under its key and sends it at once when
 * online. Resubmitting after a refusal reuses the key (a refused body is not
 * stored by the server, so the key is still free).
 */
export async function submitApplication(key: string, body: SubmissionBody, post: Post = postJson, now: Date = new Date()): Promise<OutboxEntry> {
  const entry: OutboxEntry = { key, body: plain(body), state: 'queued', queuedAt: now.toISOString(), attempts: 0 };
  await put(entry);
  if (!session.online) return entry;
  return sendEntry(entry, post);
}

let flushing: Promise<OutboxEntry[]> | null = null;

/** Sends every queued entry, one at a time; concurrent calls share one run. */
export function flushOutbox(post: Post = postJson): Promise<OutboxEntry[]> {
  if (flushing) return flushing;
  flushing = (async () => {
    outbox.sending = true;
    try {
      const done: OutboxEntry[] = [];
      for (const e of await loadOutbox()) {
        if (e.state !== 'queued') continue;
        const r = await sendEntry(e, post);
        done.push(r);
        if (r.state === 'queued') break; // still no network: the others wait too
      }
      return done;
    } finally {
      outbox.sending = false;
      flushing = null;
    }
  })();
  return flushing;
}

/** Removes an entry (an application the user has finished with). */
export async function forgetEntry(key: string): Promise<void> {
  await storage().del(PREFIX + key);
  const i = outbox.entries.findIndex((e) => e.key === key);
  if (i >= 0) outbox.entries.splice(i, 1);
}

let started = false;

/** Loads the outbox, sends what is queued, and sends again whenever the browser comes back online. */
export function startOutbox(): Promise<OutboxEntry[]> {
  if (!started && typeof window !== 'undefined') {
    started = true;
    window.addEventListener('online', () => void flushOutbox().catch(() => undefined));
  }
  return (session.online ? flushOutbox() : loadOutbox()).catch(() => []);
}
