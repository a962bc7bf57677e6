import { createHash } from 'node:crypto';
import { type PubStatus, pubStatuses } from '../wire.table.js';
import { absoluteUrl, plainLine, sanitizeBody, textToHtml } from './sanitize.js';
import type { ParsedWireItem, WireImage, WireItemFormat, WireSubject } from './wire-item.js';

/** A date as the agency wrote it, with the field it came from (for the problem's wording). */
export interface RawDate {
  value: string;
  field: string;
}

/** What a format's mapper reads from one item, before dates, HTML and addresses are checked. */
export interface WireItemDraft {
  format: WireItemFormat;
  raw: string;
  sourceItemId?: string | null | undefined;
  sourceVersion?: string | null | undefined;
  url?: string | null | undefined;
  headline?: string | null | undefined;
  /** The headline (or summary) may carry markup or entities (Atom type="html"). */
  headlineIsHtml?: boolean;
  summary?: string | null | undefined;
  bodyHtml?: string | null | undefined;
  /** A plain-text body, used when there is no HTML one. */
  bodyText?: string | null | undefined;
  bylines?: (string | null | undefined)[];
  dateline?: string | null | undefined;
  subjects?: WireSubject[];
  images?: WireImage[];
  language?: string | null | undefined;
  publishedAt?: RawDate | null | undefined;
  embargoUntil?: RawDate | null | undefined;
  expiresAt?: RawDate | null | undefined;
  pubStatus?: string | null | undefined;
  signals?: string[];
  edNote?: string | null | undefined;
  usageTerms?: string | null | undefined;
  copyrightNotice?: string | null | undefined;
  extensions?: Record<string, unknown>;
  problems?: string[];
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * A date to ISO-8601 UTC, or a problem in the editor's words. Feeds write RFC 822 (RSS) or
 * RFC 3339 (Atom, JSON Feed, ninjs); both parse with Date.parse, anything else is refused
 * rather than guessed (is 03/02 March or February?).
 */
export function parseDate(date: RawDate | null | undefined, problems: string[]): string | null {
  const value = text(date?.value);
  if (!date || value === null) return null;
  const ms = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(value) ? Number.NaN : Date.parse(value);
  if (Number.isNaN(ms) || !sameCalendarDay(value, ms)) {
    problems.push(`Invalid date "${value.slice(0, 100)}" in ${date.field}`);
    return null;
  }
  return new Date(ms).toISOString();
}

/** Date.parse rolls 2026-02-31 over to March 3rd; an ISO date must name a real day. */
function sameCalendarDay(value: string, ms: number): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!iso) return true;
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && !Number.isNaN(ms);
}

function pubStatusOf(value: string | null | undefined, problems: string[]): PubStatus {
  const status = text(value)
    ?.toLowerCase()
    .replace(/^stat:/, '');
  if (!status) return 'usable';
  if ((pubStatuses as readonly string[]).includes(status)) return status as PubStatus;
  // Seen in the wild: "killed", "cancelled" for a kill.
  if (status === 'killed' || status === 'cancelled' || status === 'kill') return 'canceled';
  problems.push(`Unknown publication status "${status.slice(0, 50)}"; treated as usable`);
  return 'usable';
}

/** IPTC signals arrive as "sig:correction" or a full URI; keep the last word, lowercased. */
export function signalName(value: string): string {
  return value.trim().toLowerCase().split(/[/:#]/).filter(Boolean).pop() ?? '';
}

/** The SHA-256 of the normalised headline and text: the same story delivered twice hashes the same. */
export function contentHash(headline: string, bodyText: string): string {
  const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(`${normal(headline)}\n${normal(bodyText)}`)
    .digest('hex');
}

/**
 * Turns a mapper's draft into the model: sanitized body and text, absolute addresses, dates
 * in UTC, a status the desk knows, and every oddity recorded as a problem. Null when the
 * item has nothing to show (no headline and no body).
 */
export function normalizeItem(draft: WireItemDraft, feedUrl: string | null): ParsedWireItem | null {
  const problems = [...(draft.problems ?? [])];
  const itemUrl = text(draft.url) ? absoluteUrl(text(draft.url) as string, feedUrl) : null;
  if (text(draft.url) && (!itemUrl || !/^https?:/i.test(itemUrl))) {
    problems.push(`The item's address "${text(draft.url)?.slice(0, 200)}" is not a web address; it was left out`);
  }
  const url = itemUrl && /^https?:/i.test(itemUrl) ? itemUrl : null;
  const base = url ?? feedUrl;

  const rawBody = text(draft.bodyHtml) ?? (text(draft.bodyText) ? textToHtml(text(draft.bodyText) as string) : null);
  const body = sanitizeBody(rawBody ?? '', base);
  problems.push(...body.problems);

  const summaryRaw = text(draft.summary);
  const summary = summaryRaw ? plainLine(summaryRaw) : '';
  let headline = text(draft.headline);
  if (headline && (draft.headlineIsHtml || /[<&]/.test(headline))) headline = plainLine(headline);
  if (!headline) {
    const fallback = (summary || body.text).split(/\s+/).slice(0, 12).join(' ');
    if (!fallback) return null;
    problems.push('The item has no headline; its first words stand in for one');
    headline = fallback;
  }

  let sourceItemId = text(draft.sourceItemId);
  if (!sourceItemId) {
    sourceItemId = url ?? `sha256:${contentHash(headline, body.text)}`;
    problems.push(
      url ? 'The item has no id; it is known by its address' : 'The item has no id; it is known by its text',
    );
  }

  const images: WireImage[] = [];
  for (const image of [...(draft.images ?? []), ...body.images]) {
    const absolute = absoluteUrl(image.url, base);
    if (!absolute || !/^https?:/i.test(absolute)) {
      problems.push(`The image "${image.url.slice(0, 200)}" has no usable address; it was left out`);
      continue;
    }
    if (images.some((i) => i.url === absolute)) continue;
    const caption = image.caption ? plainLine(image.caption) : '';
    images.push({ ...image, url: absolute, ...(caption ? { caption } : {}) });
  }

  const pubStatus = pubStatusOf(draft.pubStatus, problems);
  const signals = [...new Set((draft.signals ?? []).map(signalName).filter(Boolean))];
  if (pubStatus === 'canceled' && !signals.includes('kill')) signals.push('kill');
  if (pubStatus === 'withheld' && !signals.includes('withheld')) signals.push('withheld');

  const bylines = [...new Set(draft.bylines?.map((b) => (b ? plainLine(b) : '')).filter(Boolean) ?? [])];
  const subjects = (draft.subjects ?? [])
    .map((s) => ({ ...s, name: plainLine(s.name) }))
    .filter((s, i, all) => s.name !== '' && all.findIndex((o) => o.name === s.name) === i);

  return {
    format: draft.format,
    sourceItemId,
    sourceVersion: text(draft.sourceVersion),
    url,
    headline,
    summary,
    bodyHtml: body.html,
    bodyText: body.text,
    bylines,
    dateline: text(draft.dateline),
    subjects,
    images,
    language: text(draft.language),
    publishedAt: parseDate(draft.publishedAt, problems),
    embargoUntil: parseDate(draft.embargoUntil, problems),
    expiresAt: parseDate(draft.expiresAt, problems),
    pubStatus,
    signals,
    edNote: text(draft.edNote),
    usageTerms: text(draft.usageTerms),
    copyrightNotice: text(draft.copyrightNotice),
    extensions: draft.extensions ?? {},
    raw: draft.raw,
    problems: [...new Set(problems)],
  };
}
