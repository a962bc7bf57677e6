const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, kind: 'masthead' | 'datetime' | 'date'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'masthead'
        ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }
        : kind === 'date'
          ? { year: 'numeric', month: 'long', day: 'numeric', timeZone }
          : {
              year: 'numeric',
              month: 'long',
              day: 'numeric',
              hour: 'numeric',
              minute: '2-digit',
              timeZone,
              timeZoneName: 'short',
            };
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "Saturday, November 28, 2026" in the site's time zone. */
export const mastheadDate = (date: Date, locale: string, timeZone: string) =>
  formatter(locale, timeZone, 'masthead').format(date);

/** "2026-11-29": the same day as the masthead shows, for its `<time datetime>`. */
export function localIsoDate(date: Date, timeZone: string): string {
  let f = formatters.get(`iso|${timeZone}`);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    formatters.set(`iso|${timeZone}`, f);
  }
  return f.format(date);
}

export const formatDateTime = (iso: string, locale: string, timeZone: string) =>
  formatter(locale, timeZone, 'datetime').format(new Date(iso));

export const formatDate = (iso: string, locale: string, timeZone: string) =>
  formatter(locale, timeZone, 'date').format(new Date(iso));

/** "Mara Okonkwo and Tomás Reyes"; "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const kindLabels: Record<string, string> = {
  analysis: 'Analysis',
  opinion: 'Opinion',
  explainer: 'Explainer',
  interview: 'Interview',
  feature: 'Feature',
  review: 'Review',
  editorial: 'Editorial',
  obituary: 'Obituary',
  live: 'Live',
};

/** The label shown above a headline for anything that is not straight news. */
export const kindLabel = (kind: string): string | null => kindLabels[kind] ?? null;

/** Milliseconds until the next midnight in the time zone, when the masthead date turns. */
export function msUntilLocalMidnight(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const elapsed = (get('hour') * 3600 + get('minute') * 60 + get('second')) * 1000 + now.getMilliseconds();
  return Math.max(1000, 86_400_000 - elapsed);
}
