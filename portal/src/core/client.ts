// The page's handle on the core: a promise per call into the Web Worker.
// Typed per operation from @powerdesk/core's own declarations.
import type {
  ApplicationRequest, ApplicationResponse, BillRequest, BillResponse, CompareRequest, CompareResponse,
  EligibilityRequest, EligibilityResponse, Issue, LateFeeRequest, LateFeeResponse, PackInfo, PackSource,
  Envelope, ProcessCatalogue, ProcessRequest, ProcessResult, QuoteRequest, QuoteResponse, StarTierRequest, StarTierResponse,
} from '@powerdesk/core';
import type { Operation, WorkerReply, WorkerRequest } from './protocol';

/** Request and envelope types of each operation. */
export interface Operations {
  quote: [QuoteRequest, QuoteResponse];
  compare: [CompareRequest, CompareResponse];
  bill: [BillRequest, BillResponse];
  lateFee: [LateFeeRequest, LateFeeResponse];
  tier: [StarTierRequest, StarTierResponse];
  eligibility: [EligibilityRequest, EligibilityResponse];
  process: [ProcessRequest, Envelope<ProcessResult | ProcessCatalogue>];
  validate: [ApplicationRequest, ApplicationResponse];
}

/** The core could not start or a call failed inside the worker (not a bad request: those are envelopes). */
export class CoreError extends Error {
  constructor(message: string, readonly errors: Issue[] = []) {
    super(message);
  }
}

type Pending = { resolve: (reply: WorkerReply) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function connect(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'powerdesk-core' });
  worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    pending.get(data.id)?.resolve(data);
    pending.delete(data.id);
  };
  worker.onerror = (event) => {
    for (const [id, p] of pending) p.resolve({ id, kind: 'failed', message: event.message || 'worker error', errors: [] });
    pending.clear();
  };
  return worker;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function send(message: WithoutId<WorkerRequest>): Promise<WorkerReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    connect().postMessage({ ...message, id } as WorkerRequest);
  });
}

// Calls wait for the first start attempt, so a page may ask before the packs are chosen.
let markFirstStart: () => void = () => undefined;
const firstStart = new Promise<void>((resolve) => (markFirstStart = resolve));

/** No engine could be started at all: let waiting calls fail with the worker's error instead of hanging. */
export function releaseWaitingCalls(): void {
  markFirstStart();
}

/** (Re)starts the engine with these packs; resolves to what it loaded. The old engine stays if this fails. */
export async function startCore(packs: 'bundled' | PackSource[]): Promise<PackInfo[]> {
  const r = await send({ kind: 'start', packs });
  if (r.kind === 'started') markFirstStart();
  if (r.kind === 'started') return r.packs;
  throw new CoreError(r.kind === 'failed' ? r.message : 'unexpected reply', r.kind === 'failed' ? r.errors : []);
}

/** Runs one facade operation; a bad request is an `ok: false` envelope, never an exception. */
export async function callCore<Op extends Operation & keyof Operations>(
  op: Op,
  request: Operations[Op][0],
): Promise<Operations[Op][1]> {
  await firstStart;
  const r = await send({ kind: 'call', op, request });
  if (r.kind === 'answer') return r.envelope as Operations[Op][1];
  throw new CoreError(r.kind === 'failed' ? r.message : 'unexpected reply', r.kind === 'failed' ? r.errors : []);
}
