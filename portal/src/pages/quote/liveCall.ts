// "Update as you type": a request is built from the form ~150 ms after the
// last keystroke and sent to the core; only the newest answer is shown.
import { ref, shallowRef, watch, onBeforeUnmount, type Ref, type WatchSource } from 'vue';
import type { Issue } from '@powerdesk/core';
import { callCore, CoreError, type Operations } from '../../core/client';
import { latestOnly } from '../../core/latest';

export const DEBOUNCE_MS = 150;

export interface LiveCall<Req, Res> {
  request: Ref<Req | null>;
  response: Ref<Res | null>;
  /** The core's refusals (an `ok: false` envelope) or its failure. */
  issues: Ref<Issue[]>;
  busy: Ref<boolean>;
  /** Sends now (after a reset, or on demand). */
  run: () => void;
}

type Op = keyof Operations;

/**
 * Watches `source`; after DEBOUNCE_MS calls `op` with `build()` unless it
 * returns null (nothing to ask yet). The result envelope is kept as given.
 */
export function useLiveCall<O extends Op>(
  op: O,
  source: WatchSource | object,
  build: () => Operations[O][0] | null,
): LiveCall<Operations[O][0], Operations[O][1]> {
  const request = shallowRef<Operations[O][0] | null>(null);
  const response = shallowRef<Operations[O][1] | null>(null);
  const issues = ref<Issue[]>([]);
  const busy = ref(false);
  const call = latestOnly((req: Operations[O][0]) => callCore(op, req));
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function send(): Promise<void> {
    const req = build();
    if (!req) return;
    // A snapshot: the request shown in the technical details is exactly the one sent.
    const snapshot = JSON.parse(JSON.stringify(req)) as Operations[O][0];
    busy.value = true;
    try {
      const { current, value } = await call(snapshot);
      if (!current) return;
      request.value = snapshot;
      response.value = value;
      const env = value as { ok: boolean; errors?: Issue[] };
      issues.value = env.ok ? [] : (env.errors ?? []);
      busy.value = false;
    } catch (e) {
      request.value = snapshot;
      response.value = null;
      issues.value = e instanceof CoreError && e.errors.length ? e.errors : [
        { code: 'PD_INTERNAL' as Issue['code'], path: '', severity: 'error', message: { zh: String(e), en: String(e) } },
      ];
      busy.value = false;
    }
  }

  function run(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void send(), DEBOUNCE_MS);
  }

  watch(source as WatchSource, run, { deep: true, immediate: true });
  onBeforeUnmount(() => clearTimeout(timer));
  return { request, response, issues, busy, run };
}
