// What every calculator tab shares: its form against its defaults (the page's
// dirty flag), the live call to the core's `quote`, and the core's issues
// placed by the field their JSON path names.
import { computed, reactive, watch, type UnwrapNestedRefs } from 'vue';
import { useI18n } from 'vue-i18n';
import type { QuoteRequest, QuoteResult } from '@powerdesk/core';
import { session } from '../../session';
import { pick } from '../../i18n';
import { useLiveCall } from './liveCall';
import { placeIssues, type PathMap } from './issuePaths';

export function usePanel<F extends object, K extends QuoteResult['kind']>(
  kind: K,
  initial: () => F,
  build: (form: UnwrapNestedRefs<F>) => QuoteRequest | null,
  paths: PathMap,
  onDirty: (dirty: boolean) => void,
) {
  const form = reactive(initial()) as UnwrapNestedRefs<F>;
  let defaults = JSON.stringify(form);
  const dirty = computed(() => JSON.stringify(form) !== defaults);
  watch(dirty, onDirty, { immediate: true });

  const call = useLiveCall('quote', form, () => (session.packs.length ? build(form) : null));
  const result = computed(() => {
    const r = call.response.value;
    return r?.ok && r.result.kind === kind ? (r.result as Extract<QuoteResult, { kind: K }>) : null;
  });
  const placed = computed(() => placeIssues(call.issues.value, paths));
  const fieldError = (field: string): string => (placed.value.byField[field] ?? []).map((i) => pick(i.message)).join('；');
  // What the technical details show: the exact request sent to the core and its answer.
  const { t } = useI18n();
  const exchanges = computed(() => [
    { label: t('quote.tech.request'), testid: 'quote-request', json: call.request.value },
    { label: t('quote.tech.response'), testid: 'quote-response', json: call.response.value },
  ]);

  /** Back to the defaults (or to new defaults, e.g. once the packs are known). */
  function reset(values: F = initial()): void {
    Object.assign(form, values);
    defaults = JSON.stringify(form);
  }
  return { form, dirty, call, result, placed, fieldError, reset, exchanges };
}

/** Text fields: left out when empty, sent as typed otherwise (the core validates). */
export function putIf(target: Record<string, unknown>, key: string, value: string): void {
  if (value.trim() !== '') target[key] = value.trim();
}
