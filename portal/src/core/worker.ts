/// <reference lib="webworker" />
// The Web Worker that runs the WASM core. One engine at a time: `start`
// replaces it (a pack update), `call` runs one facade operation.
import { createPowerDesk, PowerDeskError, type PackSource, type PowerDesk } from '@powerdesk/core';
import icuUrl from '@powerdesk/core/powerdesk-icu.dat?url';
import type { WorkerReply, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: PowerDesk | null = null;
let icu: Promise<Uint8Array> | null = null;

// The ICU data is fetched once per worker and reused by every engine.
function icuData(): Promise<Uint8Array> {
  icu ??= fetch(icuUrl).then(async (r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${icuUrl}`);
    return new Uint8Array(await r.arrayBuffer());
  });
  icu.catch(() => (icu = null));
  return icu;
}

function reply(message: WorkerReply): void {
  self.postMessage(message);
}

function failure(id: number, e: unknown): WorkerReply {
  if (e instanceof PowerDeskError) return { id, kind: 'failed', message: e.message, errors: e.errors };
  return { id, kind: 'failed', message: e instanceof Error ? e.message : String(e), errors: [] };
}

async function start(id: number, packs: 'bundled' | PackSource[]): Promise<void> {
  // Build the new engine first: a refused pack set leaves the old engine in place.
  const next = await createPowerDesk({ packs, icuData: await icuData() });
  engine?.dispose();
  engine = next;
  reply({ id, kind: 'started', packs: next.packs() });
}

function call(id: number, op: string, request: unknown): void {
  if (!engine) throw new Error('the core is not started');
  const fn = (engine as unknown as Record<string, (r: unknown) => unknown>)[op];
  if (typeof fn !== 'function') throw new Error(`unknown operation ${op}`);
  reply({ id, kind: 'answer', envelope: fn.call(engine, request) });
}

// Messages are handled strictly in order: a call sent after a `start` runs on the new engine.
let queue: Promise<void> = Promise.resolve();
self.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  queue = queue.then(async () => {
    try {
      if (data.kind === 'start') await start(data.id, data.packs);
      else call(data.id, data.op, data.request);
    } catch (e) {
      reply(failure(data.id, e));
    }
  });
};
