// The demo newsroom's wire desk: three agencies (all fictional, like everything in the demo)
// and the items waiting in the Wire inbox. Sources are disabled, so nothing ever polls their
// made-up addresses; items are delivered as the agencies would send them (IPTC ninjs) and
// go through the same reading, versioning and grouping as a polled feed.

import type { Services } from '../../../app.js';
import { parseFeed } from '../../../wire/ingest/parse.js';
import type { IndexPolicy } from '../../../wire/wire.table.js';
import type { DemoArticle, SectionSlug, WireSource } from './types.js';

export interface DemoSource {
  name: WireSource | 'Harbour Press Agency';
  url: string;
  section: SectionSlug;
  creditTemplate: string;
  editedCreditTemplate: string;
  usageTerms: string;
  copyrightNotice: string;
  indexPolicy: IndexPolicy;
}

export const demoSources: DemoSource[] = [
  {
    name: 'Harbour Press Agency',
    url: 'https://example.org/wire/harbour/ninjs.json',
    section: 'business',
    creditTemplate: '{source}',
    editedCreditTemplate: '{sources} with additional reporting by {desk}',
    usageTerms: 'For use by subscribing newsrooms. Pictures may be used only with the story they came with.',
    copyrightNotice: '© 2026 Harbour Press Agency',
    indexPolicy: 'news_noindex',
  },
  {
    name: 'Meridian Press Agency',
    url: 'https://example.org/wire/meridian/ninjs.json',
    section: 'world',
    creditTemplate: '{source}',
    editedCreditTemplate: '{sources} with additional input by {desk}',
    usageTerms: 'Subscribers only. Not for resale or archive use beyond 30 days.',
    copyrightNotice: '© 2026 Meridian Press Agency. All rights reserved.',
    indexPolicy: 'news_noindex',
  },
  {
    name: 'Northline Wire',
    url: 'https://example.org/wire/northline/ninjs.json',
    section: 'world',
    creditTemplate: '{source}',
    editedCreditTemplate: '{sources} with additional input by {desk}',
    usageTerms: 'Licensed to subscribers for online publication.',
    copyrightNotice: '© 2026 Northline Wire',
    indexPolicy: 'news_noindex',
  },
];

/** One delivery of an inbox item, as ninjs 1.x fields; times are hours relative to when the demo is loaded. */
export interface DemoDelivery {
  source: DemoSource['name'];
  uri: string;
  version: string;
  hoursAgo: number;
  /** Hours from now: the agency's embargo. */
  embargoInHours?: number;
  headline: string;
  description: string;
  byline: string;
  located: string;
  subjects: string[];
  ednote?: string;
  signals?: string[];
  paragraphs: string[];
}

/**
 * What a newcomer finds in the Wire inbox, in the order the agencies sent it: an embargoed
 * announcement, a story its agency updated, and one event told by two agencies, which the
 * desk sees grouped side by side.
 */
export const demoInbox: DemoDelivery[] = [
  {
    source: 'Northline Wire',
    uri: 'urn:newsml:northline.example:2026:vessaria-budget-third-vote',
    version: '1',
    hoursAgo: 5,
    headline: 'Vessarian assembly passes budget at the third attempt',
    description: 'The minority government survives after two independents abstain in the final vote.',
    byline: 'Katrin Olsvik',
    located: 'ORLEN',
    subjects: ['Politics', 'Public finance'],
    paragraphs: [
      'ORLEN, Vessaria (Northline) — The National Assembly of Vessaria approved next year’s budget on its third attempt late on Tuesday, after two independent members who had voted against it twice chose to abstain.',
      'The bill passed by 71 votes to 68. Finance Minister Dorota Varga said the result ended “three weeks of uncertainty that nobody in this country could afford”.',
      'The budget keeps the planned rise in port and rail spending but delays a cut in income tax by a year. Opposition leaders said the government had bought the abstentions with promises of hospital money for the independents’ districts, which the finance ministry denied.',
      'Ratings agencies had warned that a third defeat could lead to a snap election and higher borrowing costs. The budget now goes to the president, who is expected to sign it this week.',
    ],
  },
  {
    source: 'Harbour Press Agency',
    uri: 'urn:newsml:harbourpress.example:2026:winter-moorings',
    version: '1',
    hoursAgo: 4,
    headline: 'Harbour authority opens winter moorings early as cold snap arrives',
    description: 'Small boats may move to the sheltered inner basin from Monday, two weeks ahead of the usual date.',
    byline: 'Ola Fjell',
    located: 'CALDER BAY',
    subjects: ['Maritime', 'Weather'],
    paragraphs: [
      'CALDER BAY (HPA) — The Port of Calder Authority will open its sheltered winter moorings in the inner basin from Monday, two weeks earlier than usual, as forecasters warn of the first hard frost of the season.',
      'About 120 small fishing and leisure boats normally move to the inner basin in December. The authority said owners could book a berth by telephone or at the harbour office on the north quay.',
      'The national weather service expects overnight temperatures to fall to minus six degrees by the middle of next week, with strong easterly winds along the coast.',
    ],
  },
  {
    source: 'Harbour Press Agency',
    uri: 'urn:newsml:harbourpress.example:2026:winter-moorings',
    version: '2',
    hoursAgo: 2,
    headline: 'Harbour authority opens winter moorings early as cold snap arrives',
    description: 'Small boats may move to the sheltered inner basin from Monday, two weeks ahead of the usual date.',
    byline: 'Ola Fjell',
    located: 'CALDER BAY',
    subjects: ['Maritime', 'Weather'],
    signals: ['update'],
    ednote: 'Updates with the number of berths and the harbourmaster’s comment in paragraphs 2 and 4.',
    paragraphs: [
      'CALDER BAY (HPA) — The Port of Calder Authority will open its sheltered winter moorings in the inner basin from Monday, two weeks earlier than usual, as forecasters warn of the first hard frost of the season.',
      'About 140 small fishing and leisure boats normally move to the inner basin in December, and the authority has 160 berths there this year. Owners can book a berth by telephone or at the harbour office on the north quay.',
      'The national weather service expects overnight temperatures to fall to minus six degrees by the middle of next week, with strong easterly winds along the coast.',
      '“Ice in the outer harbour is rare, but a boat left on an exposed mooring in an easterly gale is not,” said Aled Marchetti, the harbourmaster. “We would rather see them inside a fortnight early.”',
    ],
  },
  {
    source: 'Harbour Press Agency',
    uri: 'urn:newsml:harbourpress.example:2026:marrow-point-museum',
    version: '1',
    hoursAgo: 3,
    headline: 'Marrow Point lighthouse cottages to become a maritime museum',
    description: 'The council buys the empty keepers’ cottages for a museum of the coast, due to open in 2028.',
    byline: 'Ola Fjell',
    located: 'CALDER BAY',
    subjects: ['Culture', 'Heritage'],
    paragraphs: [
      'CALDER BAY (HPA) — Calder Bay council has bought the three empty lighthouse keepers’ cottages at Marrow Point and will turn them into a maritime museum, it said on Tuesday.',
      'The cottages, built in 1871, have stood empty since the lighthouse was automated in 1989. The council paid 410,000 crowns for them and expects the museum to open in the spring of 2028.',
      'Exhibits will include the lighthouse’s original lens, which has been in storage at the harbour office, and logbooks kept by keepers for more than a century.',
      'Cliff erosion at Marrow Point means the museum will be built to be moved inland if needed, the council said.',
    ],
  },
  {
    source: 'Meridian Press Agency',
    uri: 'urn:newsml:meridian.example:2026:calder-lighthouse-museum',
    version: '1',
    hoursAgo: 2.5,
    headline: 'Calder Bay to turn Marrow Point lighthouse cottages into maritime museum',
    description: 'Keepers’ cottages empty since 1989 are bought by the city for a museum due in 2028.',
    byline: 'Lena Dahl',
    located: 'CALDER BAY',
    subjects: ['Culture'],
    paragraphs: [
      'CALDER BAY (MPA) — The city council of Calder Bay has bought the lighthouse keepers’ cottages at Marrow Point, empty since the lighthouse was automated in 1989, and plans to open them as a maritime museum in 2028.',
      'The purchase, for 410,000 crowns, was approved by the council’s culture committee last month. The museum will show the lighthouse’s original lens and the keepers’ logbooks.',
      'Local historians had campaigned for a decade to save the cottages, which were at risk from the retreating cliffs.',
    ],
  },
  {
    source: 'Harbour Press Agency',
    uri: 'urn:newsml:harbourpress.example:2026:saltmere-ferry-order',
    version: '1',
    hoursAgo: 1,
    embargoInHours: 20,
    headline: 'Saltmere shipyard wins order for three hybrid ferries',
    description: 'The island ferry company’s order is the yard’s largest in twenty years and will keep 300 jobs.',
    byline: 'Ola Fjell',
    located: 'SALTMERE',
    subjects: ['Business', 'Shipbuilding'],
    ednote: 'EMBARGOED until 09:00 tomorrow: not for publication, broadcast or online use before then.',
    paragraphs: [
      'SALTMERE (HPA) — The Saltmere shipyard has won an order for three hybrid diesel-electric ferries from the Kestral Isles Ferry Company, the largest order the yard has taken in twenty years.',
      'The ferries, each carrying 400 passengers and 90 cars, will run between Calder Bay and Port Ashby from 2029. Their batteries will be charged from shore power in both ports.',
      'The yard’s managing director, Britt Aalund, said the order would keep its 300 workers busy for at least four years and allow it to take on 40 apprentices.',
    ],
  },
];

/** Paragraphs of demo markdown the desk wrote itself: the agency never sent them. */
const deskSection = /^## .*Calder Bay.*$/;

/**
 * The agency's copy behind a demo wire article: the article's body without what the desk
 * added (its "Reaction in Calder Bay" section and additional-reporting line) when it says
 * it added something, and without "Read more" cards, which are the site's own.
 */
export function agencyMarkdown(body: string, additionalInput: boolean): string {
  const kept: string[] = [];
  let inDeskSection = false;
  for (const line of body.split('\n')) {
    if (line.startsWith('## ')) inDeskSection = additionalInput && deskSection.test(line);
    if (inDeskSection) continue;
    if (/^\[\[read-more:/.test(line.trim())) continue;
    if (additionalInput && /^_Additional reporting/.test(line.trim())) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** One item as ninjs 1.x, the way the agencies above deliver. */
function ninjs(d: {
  uri: string;
  version: string;
  at: string;
  embargo?: string;
  headline: string;
  description: string;
  html: string;
  byline?: string;
  located?: string;
  subjects?: string[];
  ednote?: string;
  signals?: string[];
  source: DemoSource;
}): string {
  return JSON.stringify({
    uri: d.uri,
    type: 'text',
    version: d.version,
    versioncreated: d.at,
    firstcreated: d.at,
    ...(d.embargo ? { embargoed: d.embargo } : {}),
    pubstatus: 'usable',
    language: 'en',
    headline: d.headline,
    description_text: d.description,
    body_html: d.html,
    ...(d.byline ? { byline: d.byline } : {}),
    ...(d.located ? { located: d.located } : {}),
    subject: (d.subjects ?? []).map((name) => ({ name })),
    ...(d.ednote ? { ednote: d.ednote } : {}),
    ...(d.signals ? { signals: d.signals } : {}),
    usageterms: d.source.usageTerms,
    copyrightnotice: d.source.copyrightNotice,
  });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Adds the agencies, the items behind the demo's wire articles (their agency copy, for
 * provenance: which item each article carries comes back by slug) and the inbox items.
 */
export async function seedWireDesk(
  services: Services,
  opts: {
    sectionIds: Map<string, number>;
    articles: DemoArticle[];
    /** The demo's markdown as HTML, the way its articles are written. */
    toHtml: (markdown: string) => string;
  },
): Promise<Map<string, number>> {
  const { wireIngest, clock } = services;
  const now = clock.now().getTime();
  const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();
  const sourceIds = new Map<string, number>();
  for (const s of demoSources) {
    const row = await wireIngest.sources.create({
      name: s.name,
      url: s.url,
      format: 'ninjs',
      creditTemplate: s.creditTemplate,
      editedCreditTemplate: s.editedCreditTemplate,
      defaultSectionId: opts.sectionIds.get(s.section) ?? null,
      usageTerms: s.usageTerms,
      copyrightNotice: s.copyrightNotice,
      indexPolicy: s.indexPolicy,
      // Its address is made up: never polled.
      enabled: false,
    });
    sourceIds.set(s.name, row.id);
  }
  const deliver = async (source: DemoSource, json: string) => {
    const [item] = parseFeed(json, { format: 'ninjs' }).items;
    if (!item) throw new Error(`demo wire item of ${source.name} could not be read`);
    return (await wireIngest.storeItem(sourceIds.get(source.name) ?? null, item)).item;
  };
  const sourceNamed = (name: string) => demoSources.find((s) => s.name === name) as DemoSource;

  const carried = new Map<string, number>();
  for (const a of opts.articles) {
    if (!a.wire) continue;
    const source = sourceNamed(a.wire.source);
    const item = await deliver(
      source,
      ninjs({
        source,
        uri: `urn:newsml:${a.wire.originalUrl.replace(/^https:\/\//, '')}`,
        version: '1',
        at: hours(-a.hoursAgo - 0.5),
        headline: a.headline,
        description: a.standfirst,
        html: opts.toHtml(agencyMarkdown(a.body, a.wire.additionalInput)),
      }),
    );
    carried.set(a.slug, item.id);
  }
  for (const d of demoInbox) {
    const source = sourceNamed(d.source);
    await deliver(
      source,
      ninjs({
        source,
        uri: d.uri,
        version: d.version,
        at: hours(-d.hoursAgo),
        ...(d.embargoInHours ? { embargo: hours(d.embargoInHours) } : {}),
        headline: d.headline,
        description: d.description,
        html: d.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
        byline: d.byline,
        located: d.located,
        subjects: d.subjects,
        ...(d.ednote ? { ednote: d.ednote } : {}),
        ...(d.signals ? { signals: d.signals } : {}),
      }),
    );
  }
  return carried;
}
