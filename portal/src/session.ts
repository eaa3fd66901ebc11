// Portal-wide state: the network, the packs the core is using, pending pack
// updates and which forms hold unsaved entry (a pack update waits for them).
import { reactive } from 'vue';
import type { PackInfo } from '@powerdesk/core';

export type PackSourceKind = 'bundled' | 'server';

export const session = reactive({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  /** The core is loading (first start or a pack switch). */
  starting: true,
  /** Why the core could not start, if it could not. */
  startError: '' as string,
  packs: [] as PackInfo[],
  packSource: 'bundled' as PackSourceKind,
  /** When the packs were last compared with the server's (ISO time), or ''. */
  checkedAt: '',
  /** Newer packs downloaded but not yet in use because a form is being filled in. */
  updateReady: false,
  /** Forms with entry in progress, by name. */
  dirtyForms: new Set<string>(),
});

/** Pages call this as their form changes: a pack switch never happens under a form being filled in. */
export function setFormDirty(form: string, dirty: boolean): void {
  if (dirty) session.dirtyForms.add(form);
  else session.dirtyForms.delete(form);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (session.online = true));
  window.addEventListener('offline', () => (session.online = false));
}
