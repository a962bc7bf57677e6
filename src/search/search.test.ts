import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildSection, paragraphs } from '../../test/helpers/factories.js';
import { startOfLocalDay } from './search.params.js';
import { searchDialect } from './search.queries.js';
import type { SearchRequest } from './search.service.js';
import { fts5Match, markEnd, markStart, queryWords, snippetHtml } from './search.terms.js';

describe('search terms', () => {
  test('a query becomes lowercased words of any script; operators, quotes and controls are separators', () => {
    assert.deepEqual(queryWords('Harbour AND "flood*" NEAR(quay) -tram col:term'), [
      'harbour',
      'flood',
      'near',
      'quay',
      'tram',
      'col',
      'term',
    ]);
    assert.deepEqual(queryWords('مرحبا بالعالم שלום'), ['مرحبا', 'بالعالم', 'שלום']);
    assert.deepEqual(queryWords('🙂 \u0000 ^ * ( ) " \''), []);
    assert.deepEqual(queryWords('The state OF the harbour'), ['state', 'harbour'], 'stop words are skipped');
    assert.deepEqual(queryWords('the'), []);
    assert.deepEqual(queryWords('Café café CAFÉ'), ['café']);
    assert.equal(queryWords('word '.repeat(500)).length, 1);
    assert.equal(queryWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).length, 12);
  });

  test('an FTS5 expression quotes every word as a literal', () => {
    assert.equal(fts5Match(['harbour', 'say"s']), '"harbour" "say""s"');
  });

  test('a snippet is escaped text with balanced <mark> tags only where the engine marked', () => {
    const raw = `a <script>alert("x")</script> & ${markStart}flood${markEnd} ${markEnd}end ${markStart}open`;
    assert.equal(
      snippetHtml(raw),
      'a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>flood</mark> end <mark>open</mark>',
    );
  });

  test('a local day starts at local midnight in the site time zone, across daylight saving', () => {
    assert.equal(startOfLocalDay([2026, 7, 1], 'Europe/London').toISOString(), '2026-06-30T23:00:00.000Z');
    assert.equal(startOfLocalDay([2026, 12, 1], 'Europe/London').toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(startOfLocalDay([2026, 3, 8], 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
  });
});

eachDialect('search service', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-20T15:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  after(() => t.close());

  const find = async (text: string, extra: Partial<SearchRequest> = {}) =>
    t.services.search.search({ words: queryWords(text), page: 1, pageSize: 20, ...extra });
  const headlines = async (text: string, extra: Partial<SearchRequest> = {}) =>
    (await find(text, extra)).items.map((h) => h.card.headline);
  const indexed = async (id: number): Promise<boolean> => {
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ n: number }>`select count(*) as n from search_index where rowid = ${id}`.execute(
            t.services.db.kysely,
          )
        : await sql<{ n: number }>`select count(*)::int as n from search_documents where article_id = ${id}`.execute(
            t.services.db.kysely,
          );
    return Number(rows[0]?.n) > 0;
  };

  test('a headline match ranks above a single mention in a long body', async () => {
    const s = t.services;
    await buildArticle(s, {
      headline: 'Town hall budget approved after long night',
      text: `${'The session ran late and many matters were discussed. '.repeat(30)} Someone mentioned the lighthouse once.`,
      published: true,
    });
    await buildArticle(s, {
      headline: 'Lighthouse keeper retires after forty years',
      text: 'A quiet farewell on the point.',
      published: true,
    });
    assert.deepEqual(await headlines('lighthouse'), [
      'Lighthouse keeper retires after forty years',
      'Town hall budget approved after long night',
    ]);
  });

  test('English stemming: "flooding" finds floods and flooded', async () => {
    const s = t.services;
    await buildArticle(s, { headline: 'River floods the lower town', published: true });
    await buildArticle(s, { headline: 'Cellars flooded again', published: true });
    const found = await headlines('flooding');
    assert.ok(found.includes('River floods the lower town'), found.join(' | '));
    assert.ok(found.includes('Cellars flooded again'), found.join(' | '));
  });

  test('tags and authors are searchable', async () => {
    const s = t.services;
    await buildAuthor(s, 'marguerite-okafor', 'Marguerite Okafor');
    await buildArticle(s, {
      headline: 'A quiet week at the market',
      tags: ['offshore-turbines'],
      authors: ['marguerite-okafor'],
      published: true,
    });
    assert.deepEqual(await headlines('turbines'), ['A quiet week at the market']);
    assert.deepEqual(await headlines('Okafor'), ['A quiet week at the market']);
    assert.deepEqual(await headlines('marguerite market'), ['A quiet week at the market']);
  });

  test('only published articles are found; unpublishing, withdrawing and deleting take them out of the index', async () => {
    const s = t.services;
    const draft = await buildArticle(s, { headline: 'Zeppelin sighting over the bay' });
    assert.deepEqual(await headlines('zeppelin'), []);
    assert.equal(await indexed(draft.id), false);

    await s.articles.publishArticle(draft.id);
    assert.deepEqual(await headlines('zeppelin'), ['Zeppelin sighting over the bay']);
    assert.equal(await indexed(draft.id), true);

    await s.articles.unpublishArticle(draft.id);
    assert.deepEqual(await headlines('zeppelin'), []);
    assert.equal(await indexed(draft.id), false);

    const withdrawn = await buildArticle(s, { headline: 'Quokka escapes the zoo', published: true });
    assert.deepEqual(await headlines('quokka'), ['Quokka escapes the zoo']);
    await s.articles.unpublishArticle(withdrawn.id, 'withdrawn');
    assert.deepEqual(await headlines('quokka'), []);
    assert.equal(await indexed(withdrawn.id), false);

    const deleted = await buildArticle(s, { headline: 'Narwhal spotted in the harbour', published: true });
    await s.articles.unpublishArticle(deleted.id);
    await s.articles.deleteArticle(deleted.id);
    assert.deepEqual(await headlines('narwhal'), []);
    assert.equal(await indexed(deleted.id), false);

    // Editing a draft never puts it in the index.
    const edited = await buildArticle(s, { headline: 'Draft about a platypus' });
    await s.articles.updateArticle(edited.id, { headline: 'Draft about a platypus, revised' });
    assert.deepEqual(await headlines('platypus'), []);
  });

  test('a lagging index never shows an article that is no longer published', async () => {
    const s = t.services;
    const a = await buildArticle(s, { headline: 'Axolotl census results', published: true });
    // Behind the service's back, as a crash between commit and indexing would leave it.
    await s.db.kysely.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', a.id).execute();
    assert.equal(await indexed(a.id), true);
    assert.deepEqual(await headlines('axolotl'), []);
  });

  test('editing a published article updates what finds it; a rebuild gives the same index', async () => {
    const s = t.services;
    const a = await buildArticle(s, { headline: 'Ferry timetable changes', published: true });
    assert.deepEqual(await headlines('ferry'), ['Ferry timetable changes']);
    await s.articles.updateArticle(a.id, { headline: 'Hovercraft timetable changes' });
    assert.deepEqual(await headlines('ferry'), []);
    assert.deepEqual(await headlines('hovercraft'), ['Hovercraft timetable changes']);
    await s.articles.updateArticle(a.id, { body: paragraphs('Now with a cormorant colony nearby.') });
    assert.deepEqual(await headlines('cormorant'), ['Hovercraft timetable changes']);

    await s.search.rebuildIndex();
    assert.deepEqual(await headlines('hovercraft'), ['Hovercraft timetable changes']);
    assert.deepEqual(await headlines('zeppelin'), []);
  });

  test('section and date filters', async () => {
    const s = t.services;
    const sport = await buildSection(s, 'sport');
    await buildArticle(s, {
      headline: 'Regatta postponed by wind',
      section: 'sport',
      published: new Date('2026-11-10T10:00:00Z'),
    });
    await buildArticle(s, {
      headline: 'Regatta route announced',
      section: 'news',
      published: new Date('2026-11-15T10:00:00Z'),
    });
    assert.equal((await headlines('regatta')).length, 2);
    assert.deepEqual(await headlines('regatta', { sectionId: sport.id }), ['Regatta postponed by wind']);
    assert.deepEqual(await headlines('regatta', { from: new Date('2026-11-12T00:00:00Z') }), [
      'Regatta route announced',
    ]);
    assert.deepEqual(await headlines('regatta', { to: new Date('2026-11-12T00:00:00Z') }), [
      'Regatta postponed by wind',
    ]);
    assert.deepEqual(
      await headlines('regatta', { from: new Date('2026-11-11T00:00:00Z'), to: new Date('2026-11-15T00:00:00Z') }),
      [],
    );
  });

  test('pagination: twenty a page, then the rest', async () => {
    const s = t.services;
    for (let i = 0; i < 23; i++) {
      await buildArticle(s, {
        headline: `Pelican report number ${i}`,
        published: new Date(Date.UTC(2026, 10, 1, 8, i)),
      });
    }
    const first = await find('pelican');
    assert.equal(first.items.length, 20);
    assert.equal(first.hasNext, true);
    const second = await find('pelican', { page: 2 });
    assert.equal(second.items.length, 3);
    assert.equal(second.hasNext, false);
    const all = new Set([...first.items, ...second.items].map((h) => h.card.id));
    assert.equal(all.size, 23, 'no story on both pages');
    const beyond = await find('pelican', { page: 3 });
    assert.deepEqual(beyond.items, []);
  });

  test('the snippet highlights the word and shows markup in the body as text', async () => {
    const s = t.services;
    await buildArticle(s, {
      headline: 'Council report published',
      text: 'Inspectors found the string <script>alert(1)</script> & worse near the sluice gate on Tuesday.',
      published: true,
    });
    const [hit] = (await find('sluice')).items;
    assert.ok(hit);
    assert.match(hit.snippet, /<mark>sluice<\/mark>/);
    assert.match(hit.snippet, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(hit.snippet, /<script/);
    assert.equal(hit.snippet.replace(/<\/?mark>/g, '').includes('<'), false, hit.snippet);
  });

  test('snippets are made for the articles of the page only, even for a page of one', async () => {
    const s = t.services;
    const a = await buildArticle(s, { headline: 'Heron nests counted', published: true });
    await buildArticle(s, { headline: 'Heron chicks fledge', published: true });
    const snippets = await searchDialect(dialect).snippets(s.db.kysely, ['heron'], [a.id]);
    assert.deepEqual([...snippets.keys()], [a.id]);
  });
});
