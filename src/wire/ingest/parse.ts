import type { WireFormat } from '../wire.table.js';
import { isJsonFeed, ninjsItems, readJsonFeed, readNinjsItem } from './json-feeds.js';
import { normalizeItem, type WireItemDraft } from './normalize.js';
import type { ParsedWireItem } from './wire-item.js';
import { FeedError, readXmlFeed } from './xml-feeds.js';

export { FeedError } from './xml-feeds.js';

export interface ParsedFeed {
  format: Exclude<WireFormat, 'auto'>;
  items: ParsedWireItem[];
  /** Items with neither a headline nor a body: nothing to show the desk. */
  skipped: number;
}

const formatNames: Record<Exclude<WireFormat, 'auto'>, string> = {
  rss: 'RSS',
  atom: 'Atom',
  jsonfeed: 'JSON Feed',
  ninjs: 'ninjs',
};

/** What the bytes look like, before any parser is trusted with them. */
function sniff(text: string, contentType: string | null): 'json' | 'html' | 'xml' | 'other' {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const html = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/.test(start);
  if (html || (/text\/html/i.test(contentType ?? '') && !start.includes('<rss') && !start.includes('<feed'))) {
    return 'html';
  }
  return start.startsWith('<') ? 'xml' : 'other';
}

/**
 * Reads a feed of any supported format into the model. Whole-feed faults (not a feed,
 * malformed XML or JSON, a format other than the source is set to) throw a FeedError whose
 * message is shown on the source; an item's own faults go on the item's problems.
 */
export function parseFeed(
  body: string,
  opts: { format?: WireFormat; contentType?: string | null; feedUrl?: string | null } = {},
): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '');
  const kind = sniff(text, opts.contentType ?? null);
  if (kind === 'html') throw new FeedError('The response is HTML, not a feed');
  if (kind === 'other') {
    throw new FeedError(
      text.trim() === '' ? 'The response is empty' : 'The response is not a feed (neither XML nor JSON)',
    );
  }

  let format: ParsedFeed['format'];
  let drafts: WireItemDraft[];
  if (kind === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new FeedError(`Malformed JSON: ${(error as Error).message}`);
    }
    if (isJsonFeed(doc)) {
      format = 'jsonfeed';
      drafts = readJsonFeed(doc);
    } else {
      const items = ninjsItems(doc);
      if (!items) throw new FeedError('The JSON is neither a JSON Feed nor ninjs items (no "uri" or "items" found)');
      format = 'ninjs';
      drafts = items.map(readNinjsItem);
    }
  } else {
    const read = readXmlFeed(text);
    format = read.kind;
    drafts = read.drafts;
  }

  const expected = opts.format ?? 'auto';
  if (expected !== 'auto' && expected !== format) {
    throw new FeedError(`The source is set to read ${formatNames[expected]}, but the feed is ${formatNames[format]}`);
  }

  const items: ParsedWireItem[] = [];
  let skipped = 0;
  for (const draft of drafts) {
    const item = normalizeItem(draft, opts.feedUrl ?? null);
    if (item) items.push(item);
    else skipped++;
  }
  return { format, items, skipped };
}
