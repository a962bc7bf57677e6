import { AppError } from '../errors.js';
import type { Section } from '../taxonomy/taxonomy.service.js';
import { maxQueryLength, queryWords } from './search.terms.js';

/** Pages of results a reader can walk through; past them, better words serve better. */
export const maxSearchPage = 50;

/** A search as the reader asked for it (echoed in the form) and as the engine will run it. */
export interface SearchParams {
  /** The text as typed, for the form and the heading. */
  text: string;
  words: string[];
  section?: Section;
  /** YYYY-MM-DD as given, and the instants they mean in the site's time zone. */
  fromDate?: string;
  toDate?: string;
  from?: Date;
  /** The start of the day after `toDate`: the last day counts whole. */
  to?: Date;
  page: number;
}

const bad = (message: string) => new AppError('invalid_parameter', message);

/** One value per name; a blank form field means "not given". */
function single(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw bad(`Give "${name}" only once.`);
  return value;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a YYYY-MM-DD date and returns its parts; 2026-02-30 is refused, not rolled over. */
function parseDate(value: string, name: string): [number, number, number] {
  const m = datePattern.exec(value);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (!m || y < 1900 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw bad(`The "${name}" date must be a real date written as YYYY-MM-DD, for example 2026-11-28.`);
  }
  return [y, mo, d];
}

/** Milliseconds the time zone's wall clock is ahead of UTC at an instant. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a local calendar day starts in the time zone (DST-aware). */
export function startOfLocalDay([y, m, d]: [number, number, number], timeZone: string): Date {
  const asUtc = Date.UTC(y, m - 1, d);
  let at = asUtc - zoneOffset(asUtc, timeZone);
  const again = zoneOffset(at, timeZone);
  if (asUtc - again !== at) at = asUtc - again;
  return new Date(at);
}

/** Reads ?q=&section=&from=&to=&page=; anything unusable is a 400 that says what to fix. */
export function parseSearchParams(
  query: Record<string, unknown>,
  site: { sectionBySlug(slug: string): Section | undefined; timeZone: string },
): SearchParams {
  const text = single(query, 'q');
  if (text.length > maxQueryLength) {
    throw bad(`A search can be at most ${maxQueryLength.toLocaleString('en')} characters long; try a few words.`);
  }
  // Control characters (a null byte) are not echoed back into the page.
  const params: SearchParams = { text: text.replace(/\p{Cc}/gu, ' ').trim(), words: queryWords(text), page: 1 };

  const page = single(query, 'page');
  if (page !== '') {
    const n = /^\d{1,4}$/.test(page) ? Number(page) : 0;
    if (n < 1 || n > maxSearchPage) throw bad(`The page number must be a whole number from 1 to ${maxSearchPage}.`);
    params.page = n;
  }

  const slug = single(query, 'section');
  if (slug !== '') {
    const section = /^[a-z0-9-]{1,120}$/.test(slug) ? site.sectionBySlug(slug) : undefined;
    if (!section) throw bad('There is no such section; choose one from the list, or search all sections.');
    params.section = section;
  }

  const from = single(query, 'from');
  const to = single(query, 'to');
  const fromParts = from !== '' ? parseDate(from, 'from') : undefined;
  const toParts = to !== '' ? parseDate(to, 'to') : undefined;
  if (from !== '' && to !== '' && from > to) throw bad('The "from" date must not be after the "to" date.');
  if (fromParts) {
    params.fromDate = from;
    params.from = startOfLocalDay(fromParts, site.timeZone);
  }
  if (toParts) {
    params.toDate = to;
    const [y, m, d] = toParts;
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    params.to = startOfLocalDay([next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()], site.timeZone);
  }
  return params;
}
