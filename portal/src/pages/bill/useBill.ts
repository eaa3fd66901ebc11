// Bills the form as the customer types (only the newest answer is shown),
// and last period's entry too when a comparison is asked for.
import { computed, ref, watch, type ComputedRef, type Ref } from 'vue';
import type { Bill, BillRequest, Issue } from '@powerdesk/core';
import { callCore } from '../../core/client';
import { latestOnly } from '../../core/latest';
import { fieldOf } from './form';
import { pick } from '../../i18n';

export interface BillState {
  bill: Ref<Bill | null>;
  issues: Ref<Issue[]>;
  /** Issue messages by form field (fieldOf), for the field's own error slot. */
  fieldErrors: ComputedRef<Record<string, string>>;
  /** Issues no field shows. */
  otherIssues: ComputedRef<Issue[]>;
  busy: Ref<boolean>;
  failure: Ref<string>;
}

export function useBill(request: () => BillRequest | null): BillState {
  const bill = ref<Bill | null>(null);
  const issues = ref<Issue[]>([]);
  const busy = ref(false);
  const failure = ref('');
  const run = latestOnly((r: BillRequest) => callCore('bill', r));

  watch(
    request,
    async (req) => {
      if (!req) {
        bill.value = null;
        issues.value = [];
        return;
      }
      busy.value = true;
      try {
        const r = await run(req);
        if (!r.current) return;
        failure.value = '';
        if (r.value.ok) {
          bill.value = r.value.result;
          issues.value = [];
        } else {
          bill.value = null;
          issues.value = r.value.errors;
        }
      } catch (e) {
        failure.value = e instanceof Error ? e.message : String(e);
      } finally {
        busy.value = false;
      }
    },
    { immediate: true, deep: true },
  );

  // Computed, so a language switch re-picks the messages.
  const fieldErrors = computed(() => {
    const byField: Record<string, string> = {};
    for (const i of issues.value) {
      const f = fieldOf(i.path);
      if (f) byField[f] = byField[f] ? `${byField[f]}；${pick(i.message)}` : pick(i.message);
    }
    return byField;
  });
  const otherIssues = computed(() => issues.value.filter((i) => !fieldOf(i.path)));

  return { bill, issues, fieldErrors, otherIssues, busy, failure };
}
