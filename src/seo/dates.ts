const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "+01:00" from Intl's "GMT+01:00" ("GMT" alone is UTC). */
function offsetOf(parts: Record<string, string>): string {
  const name = parts.timeZoneName ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/**
 * A W3C datetime in the site's time zone with its offset ("2026-11-28T09:30:00+01:00"): the
 * form sitemaps, news:publication_date, dateModified and article:*_time all ask for.
 */
export function w3cDateTime(iso: string, timeZone: string): string {
  const p = partsIn(new Date(iso), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetOf(p)}`;
}

function offsetMinutes(at: number, timeZone: string): number {
  const offset = offsetOf(partsIn(new Date(at), timeZone));
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h = '0', m = '0'] = offset.slice(1).split(':');
  return sign * (Number(h) * 60 + Number(m));
}

/** The instant a local month begins in a time zone (month 1-12; 13 is January of the next year). */
export function localMonthStart(year: number, month: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, 1);
  let at = wall - offsetMinutes(wall, timeZone) * 60_000;
  // Across a change of offset the first guess is an hour out; the offset at the guess is the right one.
  at = wall - offsetMinutes(at, timeZone) * 60_000;
  return new Date(at);
}

/** The local year and month (1-12) of an instant. */
export function localYearMonth(iso: string, timeZone: string): { year: number; month: number } {
  const p = partsIn(new Date(iso), timeZone);
  return { year: Number(p.year), month: Number(p.month) };
}
