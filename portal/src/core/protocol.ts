// Messages between the page and the core's Web Worker (src/core/worker.ts).
// The worker owns the one engine; the page never touches WASM directly, so a
// slow first load or a long compare never blocks typing.
import type { Issue, PackInfo, PackSource } from '@powerdesk/core';

/** The facade operations the portal uses; each takes a request object and returns an envelope. */
export type Operation =
  | 'quote'
  | 'compare'
  | 'bill'
  | 'lateFee'
  | 'tier'
  | 'eligibility'
  | 'process'
  | 'validate';

export type WorkerRequest =
  | { id: number; kind: 'start'; packs: 'bundled' | PackSource[] }
  | { id: number; kind: 'call'; op: Operation; request: unknown };

export type WorkerReply =
  | { id: number; kind: 'started'; packs: PackInfo[] }
  | { id: number; kind: 'answer'; envelope: unknown }
  | { id: number; kind: 'failed'; message: string; errors: Issue[] };
