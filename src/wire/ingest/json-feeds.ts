import { parseJsonFeed } from 'feedsmith';
import type { RawDate, WireItemDraft } from './normalize.js';
import type { WireImage, WireItemFormat, WireSubject } from './wire-item.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const date = (value: unknown, field: string): RawDate | null =>
  typeof value === 'string' || typeof value === 'number' ? { value: String(value), field } : null;

/** Is this parsed JSON a JSON Feed (any version)? */
export function isJsonFeed(doc: unknown): doc is Json {
  return isObject(doc) && typeof doc.version === 'string' && doc.version.includes('jsonfeed.org');
}

/**
 * JSON Feed 1.0 and 1.1, read by feedsmith (which maps 1.0's `author` to `authors`); keys
 * starting with "_" are the publisher's extensions and are kept as received.
 */
export function readJsonFeed(doc: Json): WireItemDraft[] {
  const items = list(doc.items);
  const feedLanguage = str(doc.language);
  return items.map((rawItem) => {
    const raw = JSON.stringify(rawItem);
    if (!isObject(rawItem)) return { format: 'jsonfeed', raw, problems: ['The item is not a JSON object'] };
    const problems: string[] = [];
    let id = rawItem.id;
    if (typeof id === 'number') {
      problems.push("The item's id is a number; JSON Feed ids are text");
      id = String(id);
    }
    const parsed = parseJsonFeed({ version: doc.version, title: str(doc.title) ?? 'feed', items: [{ ...rawItem, id }] })
      ?.items?.[0];
    const extensions = Object.fromEntries(Object.entries(rawItem).filter(([key]) => key.startsWith('_')));
    const images: WireImage[] = [];
    for (const url of [parsed?.image, parsed?.banner_image]) if (url) images.push({ url });
    for (const attachment of parsed?.attachments ?? []) {
      if (attachment.url && attachment.mime_type?.startsWith('image/')) {
        images.push({
          url: attachment.url,
          mimeType: attachment.mime_type,
          ...(attachment.title ? { caption: attachment.title } : {}),
        });
      }
    }
    return {
      format: 'jsonfeed',
      raw,
      problems,
      sourceItemId: str(id),
      url: parsed?.url ?? parsed?.external_url,
      headline: parsed?.title,
      summary: parsed?.summary,
      bodyHtml: parsed?.content_html,
      bodyText: parsed?.content_text,
      bylines: (parsed?.authors ?? []).map((a) => a.name),
      subjects: (parsed?.tags ?? []).map((name) => ({ name })),
      images,
      language: parsed?.language ?? feedLanguage,
      publishedAt: date(
        rawItem.date_published ?? rawItem.date_modified,
        rawItem.date_published ? 'date_published' : 'date_modified',
      ),
      extensions,
    };
  });
}

/**
 * Every key any ninjs generation defines (1.x flat and lowercase, 2.x plural arrays, 3.x
 * camelCase): whatever else an item carries is the agency's extension, kept in `extensions`.
 */
const ninjsKeys = new Set(
  (
    'uri type mimetype representationtype profile version versioncreated firstcreated contentcreated embargoed embargoeduntil ' +
    'pubstatus urgency expires copyrightholder copyrightnotice usageterms rightsinfo ednote language headline headlines ' +
    'body_text body_html body_xhtml bodies description_text description_html descriptions byline by located slugline ' +
    'infosource infosources subject subjects person people organisation organisations place places event events genre genres ' +
    'object objects renditions associations altids altid standard $standard trustindicators title charcount wordcount ' +
    'eventdetails plannedcoverage commissioned signals'
  ).split(' '),
);

/** The generation of a ninjs item: from its declared standard, else from the shape of its keys. */
export function ninjsGeneration(item: Json): 1 | 2 | 3 {
  const standard = isObject(item.$standard) ? item.$standard : isObject(item.standard) ? item.standard : null;
  const declared = standard ? Number.parseInt(String(standard.version ?? ''), 10) : Number.NaN;
  if (declared === 1 || declared === 2 || declared === 3) return declared;
  const camel = [
    'versionCreated',
    'firstCreated',
    'pubStatus',
    'embargoedUntil',
    'copyrightNotice',
    'usageTerms',
    'edNote',
  ];
  if (camel.some((key) => key in item)) return 3;
  if (['headlines', 'bodies', 'descriptions', 'subjects', 'infosources'].some((key) => key in item)) return 2;
  return 1;
}

/** A ninjs delivery: an array of items, {items: [...]}, or a single item. */
export function ninjsItems(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (isObject(doc) && Array.isArray(doc.items)) return doc.items;
  if (isObject(doc) && typeof doc.uri === 'string') return [doc];
  return null;
}

/** The value with the main role (or no role) from a ninjs 2.x/3.x array of {role, value, contenttype}. */
function pick(values: unknown, wantHtml?: boolean): { value: string; html: boolean } | null {
  const entries = list(values).filter(isObject);
  const typed = (entry: Json) => String(entry.contentType ?? entry.contenttype ?? '');
  const ranked = [...entries].sort((a, b) => {
    const score = (e: Json) =>
      (e.role === undefined || e.role === 'main' ? 0 : 2) + (wantHtml && !typed(e).includes('html') ? 1 : 0);
    return score(a) - score(b);
  });
  const best = ranked.find((e) => str(e.value));
  return best ? { value: best.value as string, html: typed(best).includes('html') } : null;
}

function subjectsOf(values: unknown): WireSubject[] {
  return list(values).flatMap((v) => {
    if (!isObject(v)) return [];
    const name = str(v.name) ?? str(v.literal) ?? str(v.code);
    if (!name) return [];
    return [
      { name, ...(str(v.code) ? { code: v.code as string } : {}), ...(str(v.uri) ? { uri: v.uri as string } : {}) },
    ];
  });
}

/**
 * Pictures among the renditions and associations: 1.x and 2.x key them by name, 3.x lists
 * them with a name inside.
 */
function imagesOf(item: Json): WireImage[] {
  const images: WireImage[] = [];
  const renditions = (value: unknown) => (Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []);
  const add = (rendition: unknown, caption: string | null, credit: string | null) => {
    if (!isObject(rendition)) return;
    const href = str(rendition.href);
    const type = String(rendition.mimetype ?? rendition.contentType ?? rendition.contenttype ?? '');
    if (!href || (type && !type.startsWith('image/'))) return;
    images.push({
      url: href,
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(num(rendition.width) ? { width: num(rendition.width) } : {}),
      ...(num(rendition.height) ? { height: num(rendition.height) } : {}),
      ...(type ? { mimeType: type } : {}),
    });
  };
  if (item.type === 'picture') for (const r of renditions(item.renditions).slice(0, 1)) add(r, null, null);
  for (const association of renditions(item.associations)) {
    if (!isObject(association) || (association.type && association.type !== 'picture')) continue;
    const caption =
      str(association.description_text) ??
      pick(association.descriptions)?.value ??
      str(association.headline) ??
      pick(association.headlines)?.value ??
      null;
    const credit = str(association.byline) ?? str(association.by) ?? null;
    // The largest rendition first: the desk crops down, never up.
    const all = renditions(association.renditions).filter(isObject);
    all.sort((a, b) => (num(b.width) ?? 0) - (num(a.width) ?? 0));
    const first = all[0];
    if (first) add(first, caption, credit);
  }
  return images;
}

const stringOrArray = (value: unknown): string | null =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') || null : str(value);

/** One ninjs item of any generation into the model (field table: standards note §4.1). */
export function readNinjsItem(rawItem: unknown): WireItemDraft {
  const raw = JSON.stringify(rawItem);
  if (!isObject(rawItem)) return { format: 'ninjs-1', raw, problems: ['The item is not a JSON object'] };
  const item = rawItem;
  const generation = ninjsGeneration(item);
  const format: WireItemFormat = `ninjs-${generation}`;
  const extensions = Object.fromEntries(Object.entries(item).filter(([key]) => !ninjsKeys.has(key.toLowerCase())));
  // 3.x renamed to camelCase; agencies mixing generations are read leniently either way.
  const get = (lower: string, camel: string) => item[camel] ?? item[lower];

  const headline =
    generation === 1
      ? (str(item.headline) ?? pick(item.headlines)?.value)
      : (pick(item.headlines)?.value ?? str(item.headline));
  const body = generation === 1 ? null : pick(item.bodies, true);
  const bodyHtml = str(item.body_html) ?? str(item.body_xhtml) ?? (body?.html ? body.value : null);
  const bodyText = str(item.body_text) ?? (body && !body.html ? body.value : null);
  const summary = str(item.description_text) ?? pick(item.descriptions)?.value ?? null;
  const bylines = [stringOrArray(item.byline) ?? stringOrArray(item.by)];
  const located = item.located;
  const dateline = str(located) ?? (isObject(located) ? str(located.name) : null);
  const subjects = subjectsOf(generation === 1 ? (item.subject ?? item.subjects) : (item.subjects ?? item.subject));
  const embargo = get('embargoed', 'embargoedUntil');
  const version = get('version', 'version');
  const signals = list(item.signals).flatMap((s) =>
    typeof s === 'string'
      ? [s]
      : isObject(s) && (str(s.uri) || str(s.name))
        ? [(str(s.uri) ?? str(s.name)) as string]
        : [],
  );

  return {
    format,
    raw,
    sourceItemId: str(item.uri),
    sourceVersion: version === undefined || version === null ? null : String(version),
    url: str(item.url) ?? str((isObject(item.altids) ? item.altids : {}).url as unknown),
    headline,
    summary,
    bodyHtml,
    bodyText,
    bylines,
    dateline,
    subjects,
    images: imagesOf(item),
    language: str(item.language),
    publishedAt: date(
      get('firstcreated', 'firstCreated') ?? get('versioncreated', 'versionCreated'),
      generation === 3
        ? item.firstCreated
          ? 'firstCreated'
          : 'versionCreated'
        : item.firstcreated
          ? 'firstcreated'
          : 'versioncreated',
    ),
    embargoUntil: date(embargo, generation === 3 ? 'embargoedUntil' : 'embargoed'),
    expiresAt: date(item.expires, 'expires'),
    pubStatus: str(get('pubstatus', 'pubStatus')),
    signals,
    edNote: str(get('ednote', 'edNote')),
    usageTerms: stringOrArray(get('usageterms', 'usageTerms')),
    copyrightNotice: str(get('copyrightnotice', 'copyrightNotice')),
    extensions,
  };
}
