import type { PublishedOrder } from '../articles/articles.queries.js';
import { AppError, invalidParameter } from '../errors.js';

/**
 * The Content API's parameters, read by hand so that every mistake is answered with a 400
 * naming the part at fault. The filter grammar is deliberately small: each term is
 * `name:value`, terms are joined with `+` (AND), and only the combinations an index can
 * serve are accepted (see `supportedFilters`).
 */

export const pageLimits = { default: 15, max: 100 } as const;
export const articleOrders: readonly PublishedOrder[] = ['published_at desc', 'published_at asc', 'updated_at desc'];
export const filterNames = ['section', 'tag', 'author', 'story', 'featured'] as const;
export type FilterName = (typeof filterNames)[number];
export type ArticleFilter = Partial<Record<Exclude<FilterName, 'featured'>, string>> & { featured?: true };

export const articleIncludes = ['authors', 'tags', 'section'] as const;
export type ArticleInclude = (typeof articleIncludes)[number];

/** The filter combinations an index serves; anything else is refused rather than scanned. */
export const supportedFilters: readonly (readonly FilterName[])[] = [
  [],
  ['section'],
  ['tag'],
  ['author'],
  ['story'],
  ['featured'],
  ['featured', 'section'],
];

const slugValue = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maxFilterLength = 500;
const maxPage = 1_000_000;

export interface RawQuery {
  key?: string;
  filter?: string;
  fields?: string;
  include?: string;
  limit?: string;
  page?: string;
  order?: string;
}

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return pageLimits.default;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= pageLimits.max)) {
    throw invalidParameter('limit', `must be a whole number from 1 to ${pageLimits.max} ("all" is not offered)`);
  }
  return n;
}

export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const n = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= maxPage)) throw invalidParameter('page', 'must be a whole number from 1');
  return n;
}

export function parseOrder(raw: string | undefined): PublishedOrder {
  if (raw === undefined || raw === '') return 'published_at desc';
  const normal = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const found = articleOrders.find((o) => o === normal);
  if (!found) throw invalidParameter('order', `must be one of: ${articleOrders.map((o) => `"${o}"`).join(', ')}`);
  return found;
}

/** A comma list of names from `allowed`; an unknown one is named in the 400. */
export function parseList<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const out: T[] = [];
  for (const part of raw.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    if (!(allowed as readonly string[]).includes(item)) {
      throw invalidParameter(name, `names "${item.slice(0, 60)}", which is not one of: ${allowed.join(', ')}`);
    }
    if (!out.includes(item as T)) out.push(item as T);
  }
  return out;
}

/**
 * `section:world+tag:floods`. A `+` in a query string arrives as a space unless it was
 * encoded (%2B), so either separates terms.
 */
export function parseFilter(raw: string | undefined): ArticleFilter {
  if (raw === undefined || raw.trim() === '') return {};
  if (raw.length > maxFilterLength) throw invalidParameter('filter', `is longer than ${maxFilterLength} characters`);
  const filter: ArticleFilter = {};
  const seen: FilterName[] = [];
  for (const term of raw.trim().split(/[+\s]+/)) {
    const shown = term.slice(0, 80);
    const match = /^([a-z_]+):(.*)$/.exec(term);
    if (!match) {
      throw invalidParameter('filter', `has a part "${shown}" that is not of the form name:value`);
    }
    const name = match[1] as string;
    let value = match[2] as string;
    if (!(filterNames as readonly string[]).includes(name)) {
      throw invalidParameter(
        'filter',
        `has a part "${shown}" naming "${name}"; filter by one of: ${filterNames.join(', ')}`,
      );
    }
    const key = name as FilterName;
    if (seen.includes(key)) {
      throw new AppError(
        'invalid_parameter',
        `The "filter" parameter names ${key} twice ("${shown}"); this combination of filters is not supported.`,
      );
    }
    seen.push(key);
    if (/^'.*'$/.test(value)) value = value.slice(1, -1);
    if (key === 'featured') {
      if (value !== 'true') {
        throw invalidParameter('filter', `has a part "${shown}": only featured:true is supported`);
      }
      filter.featured = true;
      continue;
    }
    if (!slugValue.test(value) || value.length > 120) {
      throw invalidParameter(
        'filter',
        `has a part "${shown}" whose value is not a slug (lowercase letters, digits and hyphens; no lists, ranges or negation)`,
      );
    }
    filter[key] = value;
  }
  const names = [...seen].sort();
  const supported = supportedFilters.some(
    (combo) => combo.length === names.length && combo.every((n) => names.includes(n)),
  );
  if (!supported) {
    throw new AppError(
      'invalid_parameter',
      `The "filter" parameter combines ${seen.join(' + ')}; this combination of filters is not supported. Use one of section, tag, author, story or featured:true, or featured:true with a section.`,
    );
  }
  return filter;
}
