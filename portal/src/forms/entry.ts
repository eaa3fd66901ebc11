// A form's "entry in progress" flag for pack updates (session.setFormDirty):
// the customer's typing marks it; filling the form from an example or
// clearing it does not; leaving the page clears it.
import { onBeforeUnmount, watch, type WatchSource } from 'vue';
import { setFormDirty } from '../session';

/** A deep copy of plain form data (examples must never share objects with the live form). */
export const cloneForm = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Watches `sources` (the form's reactive objects) and returns `fill(change)`,
 * which applies a programmatic change without counting it as entry.
 */
export function useEntryTracking(form: string, sources: WatchSource | object | (WatchSource | object)[]) {
  let filling = false;
  watch(sources as never, () => {
    if (!filling) setFormDirty(form, true);
  }, { deep: true, flush: 'sync' });
  onBeforeUnmount(() => setFormDirty(form, false));
  return function fill(change: () => void): void {
    filling = true;
    try {
      change();
      setFormDirty(form, false);
    } finally {
      filling = false;
    }
  };
}
