import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { type AtomFeed, type MediaNs, parseAtomFeed, parseRdfFeed, parseRssFeed, type RssFeed } from 'feedsmith';
import type { WireItemDraft } from './normalize.js';
import type { WireImage, WireSubject } from './wire-item.js';

/** A feed that cannot be read at all: the message is shown on the source, for an editor. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

type RssItem = RssFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;
type Media = MediaNs.ItemOrFeed;

// One tree that keeps order, attributes, CDATA and entities exactly as written, so an item
// built back from it is the agency's own text (kept as the item's raw payload).
const treeOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
} as const;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (node: OrderedNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: OrderedNode) => (node[nameOf(node)] as OrderedNode[] | undefined) ?? [];
const local = (name: string) => name.toLowerCase().replace(/^.*:/, '');

export type XmlFeedKind = 'rss' | 'atom';

/**
 * Reads an RSS 2.0 (or 0.9x / RDF 1.0) or Atom feed. fast-xml-parser checks that it is
 * well-formed (with the line of the first fault) and splits it into items; feedsmith reads
 * each item, namespaces included (content:encoded, dc:creator, media:content).
 */
export function readXmlFeed(xml: string): { kind: XmlFeedKind; drafts: WireItemDraft[] } {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const message = valid.err.msg.replace(/\.$/, '');
    throw new FeedError(`Malformed XML at line ${valid.err.line}: ${message}`);
  }
  let tree: OrderedNode[];
  try {
    tree = new XMLParser(treeOptions).parse(xml) as OrderedNode[];
  } catch (error) {
    // Well-formed but refused: external entities (XXE), entity expansion beyond the parser's limits.
    throw new FeedError(`The XML could not be read: ${(error as Error).message}`);
  }
  const root = tree.find((node) => {
    const name = nameOf(node);
    return name !== '' && !name.startsWith('?') && !name.startsWith('#') && !name.startsWith('!');
  });
  const rootName = root ? nameOf(root) : '';
  const kind: XmlFeedKind | null =
    local(rootName) === 'rss' || local(rootName) === 'rdf' ? 'rss' : local(rootName) === 'feed' ? 'atom' : null;
  if (!root || !kind) {
    const named = rootName ? ` (it starts with <${rootName.slice(0, 40)}>)` : '';
    throw new FeedError(`The XML is not an RSS or Atom feed${named}`);
  }
  const builder = new XMLBuilder({ ...treeOptions, suppressEmptyNode: false, format: false });
  const channel = childrenOf(root).find((n) => local(nameOf(n)) === 'channel');
  const itemName = kind === 'atom' ? 'entry' : 'item';
  // RSS 2.0 nests items in the channel; RSS 0.9x and RDF put them beside it.
  const itemNodes = [...(channel ? childrenOf(channel) : []), ...childrenOf(root)].filter(
    (n) => local(nameOf(n)) === itemName,
  );
  const feedLanguage =
    textChild(channel ?? root, kind === 'atom' ? '' : 'language') ?? root[':@']?.['@_xml:lang'] ?? null;

  const drafts = itemNodes.map((node) => {
    const raw = builder.build([node]) as string;
    // The item alone, under a copy of the root (namespace declarations included), for feedsmith.
    const wrapped =
      local(rootName) === 'rss'
        ? [{ [rootName]: [{ channel: [node] }], ':@': root[':@'] ?? {} }]
        : [{ [rootName]: [node], ':@': root[':@'] ?? {} }];
    const single = builder.build(wrapped) as string;
    try {
      if (kind === 'atom') {
        return atomDraft(parseAtomFeed(single)?.entries?.[0] as AtomEntry | undefined, raw, feedLanguage);
      }
      const items = local(rootName) === 'rdf' ? parseRdfFeed(single)?.items : parseRssFeed(single)?.items;
      return rssDraft(items?.[0] as RssItem | undefined, raw, feedLanguage);
    } catch (error) {
      // One unreadable item does not cost the desk the rest of the feed.
      return { format: kind, raw, problems: [`The item could not be read: ${(error as Error).message}`] };
    }
  });
  return { kind, drafts };
}

function textChild(node: OrderedNode, name: string): string | null {
  if (!name) return null;
  const child = childrenOf(node).find((n) => local(nameOf(n)) === name);
  const text = child ? childrenOf(child).find((n) => '#text' in n)?.['#text'] : undefined;
  return typeof text === 'string' && text.trim() ? text.trim() : null;
}

function mediaImages(media: Media | undefined): WireImage[] {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  const images: WireImage[] = [];
  for (const content of contents) {
    const isImage = content.medium === 'image' || content.type?.startsWith('image/');
    if (!content.url || !isImage) continue;
    const caption = content.description?.value ?? content.title?.value ?? media.description?.value;
    const credit = content.credits?.[0]?.value ?? media.credits?.[0]?.value;
    images.push({
      url: content.url,
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(content.width ? { width: content.width } : {}),
      ...(content.height ? { height: content.height } : {}),
      ...(content.type ? { mimeType: content.type } : {}),
    });
  }
  if (images.length === 0) {
    for (const thumb of media.thumbnails ?? []) if (thumb.url) images.push({ url: thumb.url });
  }
  return images;
}

function rssDraft(item: RssItem | undefined, raw: string, language: string | null): WireItemDraft {
  if (!item) return { format: 'rss', raw, problems: ['The item could not be read'] };
  const guid = item.guid?.value;
  const link = item.link ?? (guid && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null);
  const encoded = item.content?.encoded;
  const images = [
    ...mediaImages(item.media),
    ...(item.enclosures ?? [])
      .filter((e) => e.url && e.type?.startsWith('image/'))
      .map((e) => ({ url: e.url as string, ...(e.type ? { mimeType: e.type } : {}) })),
  ];
  const subjects: WireSubject[] = (item.categories ?? []).flatMap((c) => (c.name ? [{ name: c.name }] : []));
  const pubDate = item.pubDate ?? item.dc?.dates?.[0];
  return {
    format: 'rss',
    raw,
    sourceItemId: guid ?? link,
    url: link,
    headline: item.title,
    // With content:encoded the description is the standfirst; without it, it is the story.
    summary: encoded ? item.description : null,
    bodyHtml: encoded ?? item.description,
    bylines: item.dc?.creators ?? item.authors?.map((a) => a.name ?? null) ?? [],
    subjects,
    images,
    language: item.dc?.languages?.[0] ?? language,
    publishedAt: pubDate ? { value: String(pubDate), field: item.pubDate ? 'pubDate' : 'dc:date' } : null,
    copyrightNotice: item.dc?.rights?.[0],
  };
}

function atomDraft(entry: AtomEntry | undefined, raw: string, language: string | null): WireItemDraft {
  if (!entry) return { format: 'atom', raw, problems: ['The entry could not be read'] };
  const alternate = entry.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
  const contentType = entry.content?.type ?? 'text';
  const content = entry.content?.value;
  const published = entry.published ?? entry.updated;
  return {
    format: 'atom',
    raw,
    sourceItemId: entry.id,
    url: alternate,
    headline: entry.title?.value,
    headlineIsHtml: entry.title?.type === 'html' || entry.title?.type === 'xhtml',
    summary: entry.summary?.value,
    ...(contentType === 'text' ? { bodyText: content } : { bodyHtml: content }),
    bylines: entry.authors?.map((a) => a.name) ?? [],
    subjects: (entry.categories ?? []).flatMap((c) =>
      c.label || c.term ? [{ name: (c.label || c.term) as string }] : [],
    ),
    images: mediaImages(entry.media),
    language,
    publishedAt: published ? { value: String(published), field: entry.published ? 'published' : 'updated' } : null,
    copyrightNotice: entry.rights?.value,
  };
}
