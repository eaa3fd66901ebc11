// Puts each issue of the core's report next to the form field it is about,
// by its JSON pointer; what no field shows goes to the list above the form.
import type { Issue } from '@powerdesk/core';

/** The fields of the form step, by the path of the request they fill. */
export const FORM_FIELDS = [
  '/applicant/type',
  '/applicant/name',
  '/applicant/resident_id',
  '/applicant/credit_code',
  '/applicant/legal_representative',
  '/agent/name',
  '/agent/resident_id',
  '/agent/phone',
  '/contact/name',
  '/contact/phone',
  '/address/text',
  '/address/postal_code',
  '/account_number',
  '/documents',
  '/one_certificate',
] as const;

/** Issues of a missing object go to its first field (`/contact` → `/contact/name`). */
const PARENTS: Record<string, string> = {
  '/applicant': '/applicant/name',
  '/agent': '/agent/name',
  '/contact': '/contact/name',
  '/address': '/address/text',
};

/** The server's issues point into its body (`/application/contact/phone`): the same paths without the prefix. */
export function stripApplication(path: string): string {
  if (path === '/application') return '';
  return path.startsWith('/application/') ? path.slice('/application'.length) : path;
}

/** The field an issue path belongs to among `fields`, or undefined. */
export function fieldOf(path: string, fields: readonly string[]): string | undefined {
  const p = PARENTS[path] ?? path;
  let best: string | undefined;
  for (const f of fields) {
    if ((p === f || p.startsWith(f + '/')) && (!best || f.length > best.length)) best = f;
  }
  return best;
}

export interface PlacedIssues {
  byField: Record<string, Issue[]>;
  unplaced: Issue[];
}

/** Splits issues between the shown fields and the general list. */
export function placeIssues(issues: Issue[], shownFields: readonly string[]): PlacedIssues {
  const byField: Record<string, Issue[]> = {};
  const unplaced: Issue[] = [];
  for (const i of issues) {
    const f = fieldOf(stripApplication(i.path), shownFields);
    if (f) (byField[f] ??= []).push(i);
    else unplaced.push(i);
  }
  return { byField, unplaced };
}

/** `/contact/phone` → `contact-phone`, for test ids and element ids. */
export function fieldId(path: string): string {
  return path.slice(1).replaceAll('/', '-').replaceAll('_', '-');
}
