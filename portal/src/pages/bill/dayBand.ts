// The 24-hour band's data: the TOU windows of the tariff's schedule for the
// billing month, from the rules list (the pack's tou_schedules), as the core gives them.
import type { PackInfo, TouPeriod } from '@powerdesk/core';

export interface BandWindow {
  period: TouPeriod;
  from: string;
  to: string;
  /** Minutes the window lasts, for its width in the band. */
  minutes: number;
}

function minuteOf(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * The windows in force for `tariff` in the month of `date` ("YYYY-MM-DD"),
 * from the region's pack in force that day; null when the tariff is not TOU
 * or no pack covers the day.
 */
export function bandFor(packs: PackInfo[], region: string, tariff: string, date: string): BandWindow[] | null {
  const pack = packs.find((p) => p.region === region && p.effective.from <= date && date <= p.effective.to);
  const tou = pack?.tariffs.find((t) => t.code === tariff)?.tou;
  const month = Number(date.slice(5, 7));
  const season = tou?.seasons.find((s) => s.months.includes(month));
  if (!season) return null;
  return season.windows.map((w) => ({ ...w, minutes: minuteOf(w.to) - minuteOf(w.from) }));
}
