// "Today" for requests. The core reads no clock, so the portal passes the
// date — the calendar day in China (UTC+8), wherever the browser is.
export function todayInChina(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `YYYY-MM` of a date string. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
