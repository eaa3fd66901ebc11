import { describe, expect, it } from 'vitest';
import type { Issue } from '@powerdesk/core';
import { ESTIMATE_PATHS, fieldOf, placeIssues } from './issuePaths';

const issue = (path: string): Issue => ({ code: 'PD_NUMBER_INVALID', path, severity: 'error', message: { zh: path, en: path } });

describe('issue paths', () => {
  it('takes the longest matching pointer prefix', () => {
    expect(fieldOf('/usage/kwh', ESTIMATE_PATHS)).toBe('kwh');
    expect(fieldOf('/usage/kwh_by_period/peak', ESTIMATE_PATHS)).toBe('period.peak');
    expect(fieldOf('/usage/kwh_by_period', ESTIMATE_PATHS)).toBe('periods');
    expect(fieldOf('/usage', ESTIMATE_PATHS)).toBe('usage');
    expect(fieldOf('/residential/carry_in_kwh', ESTIMATE_PATHS)).toBe('carryIn');
    expect(fieldOf('/usage/kwhx', ESTIMATE_PATHS)).toBe('usage');
    expect(fieldOf('/splits/0', ESTIMATE_PATHS)).toBeUndefined();
  });
  it('leaves whole-document issues, unknown paths and hidden fields to the list', () => {
    const placed = placeIssues([issue('/usage/kwh'), issue(''), issue('/nope'), issue('/capacity_kva')], ESTIMATE_PATHS, (f) => f !== 'capacityKva');
    expect(Object.keys(placed.byField)).toEqual(['kwh']);
    expect(placed.rest.map((i) => i.path)).toEqual(['', '/nope', '/capacity_kva']);
  });
});
