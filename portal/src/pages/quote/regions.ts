// Regions and tariffs from the packs the core has loaded (session.packs).
import type { PackInfo } from '@powerdesk/core';

/** Regional packs' regions, once each, in load order. */
export function regionsOf(packs: PackInfo[]): PackInfo[] {
  const seen = new Set<string>();
  return packs.filter((p) => p.region !== 'national' && !seen.has(p.region) && seen.add(p.region));
}

/** The region's pack in force on `date`, else its latest. */
export function packOn(region: string, date: string, packs: PackInfo[]): PackInfo | undefined {
  const mine = packs.filter((p) => p.region === region);
  return mine.find((p) => p.effective.from <= date && date <= p.effective.to)
    ?? [...mine].sort((a, b) => a.effective.to.localeCompare(b.effective.to)).pop();
}
