// Application drafts kept on this device (IndexedDB via idb-keyval, in a
// store of their own): a reload or a lost network never loses what was typed.
// The idempotency key of an application is made once and kept with its draft,
// so however often it is sent it is stored by the server once.
import { createStore, get, set, del, keys } from 'idb-keyval';

/** The little key-value API the drafts and the outbox need (IndexedDB in the browser, a Map in tests). */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

function idbKeyValue(): KeyValue {
  // Own database: never shares a store with the rule-pack cache.
  const store = createStore('powerdesk-apply', 'kv');
  return {
    get: (k) => get(k, store),
    set: (k, v) => set(k, v, store),
    del: (k) => del(k, store),
    keys: async () => (await keys(store)).map(String),
  };
}

export function memoryKeyValue(): KeyValue {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => (m.has(k) ? (structuredClone(m.get(k)) as T) : undefined),
    set: async (k, v) => void m.set(k, structuredClone(v)),
    del: async (k) => void m.delete(k),
    keys: async () => [...m.keys()],
  };
}

let backend: KeyValue | null = null;

/** The store in use; tests swap in `memoryKeyValue()`. */
export function storage(): KeyValue {
  if (!backend) backend = typeof indexedDB === 'undefined' ? memoryKeyValue() : idbKeyValue();
  return backend;
}

export function useStorage(kv: KeyValue): void {
  backend = kv;
}

/** Plain data only: a reactive form is cloned through JSON before it goes to IndexedDB. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface Draft<F> {
  form: F;
  /** Wizard step the user was on. */
  step: number;
  /** Made when the application is first submitted or saved; kept for every retry. */
  idempotencyKey?: string;
  savedAt: string;
}

const DRAFT_KEY = 'draft:current';

export async function saveDraft<F>(draft: Omit<Draft<F>, 'savedAt'>, now: Date = new Date()): Promise<void> {
  await storage().set(DRAFT_KEY, plain({ ...draft, savedAt: now.toISOString() }));
}

export async function loadDraft<F>(): Promise<Draft<F> | undefined> {
  try {
    return await storage().get<Draft<F>>(DRAFT_KEY);
  } catch {
    return undefined; // storage refused (private mode): start empty
  }
}

export async function clearDraft(): Promise<void> {
  await storage().del(DRAFT_KEY);
}

/** A fresh idempotency key (36 characters of [0-9a-f-], inside the server's 8–128 [A-Za-z0-9_.:-]). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Non-secure contexts lack randomUUID: 16 random bytes in hex.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'pd-' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
