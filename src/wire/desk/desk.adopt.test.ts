import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminClient, signedIn } from '../../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildSection } from '../../../test/helpers/factories.js';
import { getPage, type Page, textOf } from '../../../test/helpers/html.js';
import { makeItem, makeSource } from '../../../test/helpers/wire.js';
import type { Section } from '../../taxonomy/taxonomy.service.js';

/** The page's NewsArticle, parsed from its JSON-LD as a crawler reads it. */
function newsArticleOf(doc: Page): Record<string, unknown> {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const data = JSON.parse(script.textContent ?? 'null') as Record<string, unknown>;
    if (data['@type'] === 'NewsArticle') return data;
  }
  throw new Error('the page has no NewsArticle');
}

const metaContent = (doc: Page, name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');

eachDialect('wire desk: adopt, credit and the reader page', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let world: Section;
  const clock = testClock('2026-11-28T10:00:00Z');

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    await t.services.settings.update({ deskName: 'Courier News Desk' });
    editor = await signedIn(t, 'editor');
    world = await buildSection(t.services, 'world', 'World');
  });
  after(() => t.close());

  const adopt = async (client: AdminClient, body: Record<string, unknown>) => {
    const res = await client.post('/api/admin/wire/adopt', body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: number; creditLine: string | null; status: string };
  };

  const edit = async (id: number, change: (article: Record<string, unknown>) => Record<string, unknown>) => {
    const current = (await editor.get(`/api/admin/articles/${id}`)).json();
    const res = await editor.patch(`/api/admin/articles/${id}`, { version: current.version, ...change(current) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  const publish = async (id: number) => {
    const res = await editor.put(`/api/admin/articles/${id}/publication`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { url: string; creditLine: string };
  };

  const addParagraph = (text: string) => (article: Record<string, unknown>) => {
    const body = article.body as { type: string; content: unknown[] };
    return { body: { ...body, content: [...body.content, { type: 'paragraph', content: [{ type: 'text', text }] }] } };
  };

  test('adopt, edit, publish: "<Source> with additional input by <Desk>" on the page and in its metadata', async () => {
    const source = await makeSource(t.services, {
      name: 'Meridian Press Agency',
      defaultSectionId: world.id,
      copyrightNotice: '© 2026 Meridian Press Agency. All rights reserved.',
      usageTerms: 'Not for resale.',
    });
    const item = await makeItem(t.services, {
      source,
      headline: 'Grain exports resume through the strait',
      summary: 'The first convoy left at dawn.',
      bodyHtml: '<p>The first grain convoy left port at dawn.</p><p>Insurers raised premiums.</p>',
      url: 'https://meridian.example/stories/grain-exports',
    });

    const adopted = await adopt(editor, { itemIds: [item.id] });
    assert.equal(adopted.status, 'draft');
    assert.equal(adopted.creditLine, 'Meridian Press Agency', 'a draft as received credits the agency alone');
    const draft = (await editor.get(`/api/admin/articles/${adopted.id}`)).json();
    assert.equal(draft.headline, 'Grain exports resume through the strait');
    assert.equal(draft.standfirst, 'The first convoy left at dawn.');
    assert.equal(draft.sectionId, world.id, "the source's default section");
    assert.equal(draft.wireSource, 'Meridian Press Agency');
    assert.deepEqual(
      draft.body.content.map((p: { content: { text: string }[] }) => p.content[0]?.text),
      ['The first grain convoy left port at dawn.', 'Insurers raised premiums.'],
    );
    const inbox = (await editor.get(`/api/admin/wire/items/${item.id}`)).json();
    assert.equal(inbox.status, 'adopted');
    assert.deepEqual(
      inbox.articles.map((a: { id: number }) => a.id),
      [adopted.id],
    );
    const events = (await editor.get(`/api/admin/articles/${adopted.id}/events`)).json().items;
    assert.match(events[0].detail, /from wire copy: Meridian Press Agency item \d+ \(version 1\)/);

    await edit(adopted.id, addParagraph('Our correspondent watched the convoy leave.'));
    const published = await publish(adopted.id);
    assert.equal(published.creditLine, 'Meridian Press Agency with additional input by Courier News Desk');

    const { res, doc } = await getPage(t.app, published.url);
    assert.equal(res.statusCode, 200);
    assert.equal(
      textOf(doc.querySelector('.article__meta .article__credit')),
      'Meridian Press Agency with additional input by Courier News Desk',
    );
    assert.equal(doc.querySelectorAll('.article__credit').length, 1, 'the credit is shown once');
    const news = newsArticleOf(doc);
    assert.equal(news.isBasedOn, 'https://meridian.example/stories/grain-exports');
    assert.deepEqual(news.sourceOrganization, { '@type': 'Organization', name: 'Meridian Press Agency' });
    assert.equal(news.creditText, 'Meridian Press Agency with additional input by Courier News Desk');
    assert.deepEqual(news.copyrightHolder, { '@type': 'Organization', name: 'Meridian Press Agency' });
    assert.equal(news.copyrightNotice, '© 2026 Meridian Press Agency. All rights reserved.');
    assert.equal(metaContent(doc, 'robots'), undefined, 'edited copy is ours to index');
    assert.equal(metaContent(doc, 'Googlebot-News'), undefined);
    const canonical = `http://news.test${published.url}`;
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), canonical, 'canonical stays ours');
    assert.equal(news.url, canonical);

    const provenance = (await editor.get(`/api/admin/articles/${adopted.id}/wire`)).json();
    assert.equal(provenance.verbatim, false);
    assert.equal(provenance.relationship, 'edited');
    assert.equal(provenance.sources[0].source.name, 'Meridian Press Agency');
    assert.equal(provenance.sources[0].originalUrl, 'https://meridian.example/stories/grain-exports');
    assert.equal(provenance.sources[0].usageTerms, 'Not for resale.');
    assert.equal(provenance.sources[0].adoptedBy.id, editor.staff.id);
    assert.deepEqual(provenance.added.added, ['Our correspondent watched the convoy leave.']);
    assert.ok(
      provenance.added.body.some(
        (p: { change: string; text: string }) => p.change === 'added' && p.text.includes('correspondent'),
      ),
      'the word diff shows the added run',
    );
  });

  test('published unchanged: "<Source>" alone, kept out of Google News, and recomputed once edited', async () => {
    const source = await makeSource(t.services, { name: 'Harbour Wire', defaultSectionId: world.id });
    const item = await makeItem(t.services, { source, headline: 'Ferry timetable changes' });
    const adopted = await adopt(editor, { itemIds: [item.id] });
    const published = await publish(adopted.id);
    assert.equal(published.creditLine, 'Harbour Wire');

    const first = await getPage(t.app, published.url);
    assert.equal(textOf(first.doc.querySelector('.article__credit')), 'Harbour Wire');
    assert.equal(metaContent(first.doc, 'Googlebot-News'), 'noindex');
    assert.equal(metaContent(first.doc, 'robots'), undefined, 'still in Google Search');
    assert.equal(newsArticleOf(first.doc).creditText, 'Harbour Wire');

    await edit(adopted.id, addParagraph('Our desk checked the new times with the operator.'));
    const edited = await getPage(t.app, published.url);
    assert.equal(
      textOf(edited.doc.querySelector('.article__credit')),
      'Harbour Wire with additional input by Courier News Desk',
    );
    assert.equal(metaContent(edited.doc, 'Googlebot-News'), undefined, 'edited copy is indexable again');
  });

  test('a "noindex" source keeps verbatim copy out of search and sitemaps; the editor\'s robots wins', async () => {
    const source = await makeSource(t.services, {
      name: 'Closed Wire',
      defaultSectionId: world.id,
      indexPolicy: 'noindex',
    });
    const item = await makeItem(t.services, { source, headline: 'Council meets on Tuesday' });
    const adopted = await adopt(editor, { itemIds: [item.id] });
    const published = await publish(adopted.id);
    const { doc } = await getPage(t.app, published.url);
    assert.equal(metaContent(doc, 'robots'), 'noindex');
    const sitemap = await t.app.inject('/sitemaps/articles-2026-11.xml');
    assert.ok(!sitemap.body.includes(`${published.url}<`), 'not listed in the sitemap');

    await edit(adopted.id, () => ({ robots: 'noarchive' }));
    const own = await getPage(t.app, published.url);
    assert.equal(metaContent(own.doc, 'robots'), 'noarchive');
    const listed = await t.app.inject('/sitemaps/articles-2026-11.xml');
    assert.ok(listed.body.includes(`http://news.test${published.url}<`), 'indexable again, so listed');
  });

  test('two sources: "A and B with additional input by Desk", both in the metadata', async () => {
    const a = await makeSource(t.services, { name: 'Alpha Wire', defaultSectionId: world.id });
    const b = await makeSource(t.services, { name: 'Beta News' });
    const first = await makeItem(t.services, {
      source: a,
      headline: 'Storm closes the coast road',
      bodyHtml: '<p>The coast road closed at noon.</p>',
      url: 'https://alpha.example/storm',
    });
    const second = await makeItem(t.services, {
      source: b,
      clusterOf: first,
      headline: 'Coast road shut by storm',
      bodyHtml: '<p>Police diverted traffic inland.</p>',
      url: 'https://beta.example/storm',
    });
    const adopted = await adopt(editor, { itemIds: [first.id, second.id] });
    assert.equal(adopted.creditLine, 'Alpha Wire and Beta News');
    const draft = (await editor.get(`/api/admin/articles/${adopted.id}`)).json();
    assert.equal(draft.headline, 'Storm closes the coast road', 'the first item gives the headline');
    assert.equal(draft.body.content.length, 2, 'both bodies, in order');

    await edit(adopted.id, () => ({ headline: 'Storm closes the coast road for a second day' }));
    const published = await publish(adopted.id);
    assert.equal(published.creditLine, 'Alpha Wire and Beta News with additional input by Courier News Desk');
    const { doc } = await getPage(t.app, published.url);
    assert.equal(
      textOf(doc.querySelector('.article__credit')),
      'Alpha Wire and Beta News with additional input by Courier News Desk',
    );
    const news = newsArticleOf(doc);
    assert.deepEqual(news.isBasedOn, ['https://alpha.example/storm', 'https://beta.example/storm']);
    assert.deepEqual(news.sourceOrganization, [
      { '@type': 'Organization', name: 'Alpha Wire' },
      { '@type': 'Organization', name: 'Beta News' },
    ]);

    // The Content API carries the same provenance, for one article and in a listing.
    const owner = await signedIn(t, 'owner');
    const made = await owner.post('/api/admin/content-keys', { name: 'Partner app' });
    assert.equal(made.statusCode, 201, made.body);
    const key = encodeURIComponent(made.json().secret);
    const expected = [
      { name: 'Alpha Wire', url: 'https://alpha.example/storm', copyright_notice: null },
      { name: 'Beta News', url: 'https://beta.example/storm', copyright_notice: null },
    ];
    const one = await t.app.inject(`/api/content/articles/${adopted.id}?key=${key}`);
    assert.equal(one.statusCode, 200, one.body);
    assert.deepEqual(one.json().articles[0].wire_sources, expected);
    assert.equal(one.json().articles[0].credit_line, published.creditLine);
    const listed = await t.app.inject(`/api/content/articles?filter=section:world&key=${key}`);
    assert.equal(listed.statusCode, 200, listed.body);
    const items = listed.json().articles as { id: number; wire_sources: unknown[] }[];
    assert.deepEqual(items.find((a) => a.id === adopted.id)?.wire_sources, expected);
    assert.ok(
      items.filter((a) => a.id !== adopted.id).every((a) => Array.isArray(a.wire_sources)),
      'every article has the list, empty without adopted copy',
    );
  });

  test('the transparency note lists what the desk added, when the editor shows it', async () => {
    const source = await makeSource(t.services, { name: 'Gamma Agency', defaultSectionId: world.id });
    const item = await makeItem(t.services, { source, bodyHtml: '<p>The bridge reopened.</p>' });
    const adopted = await adopt(editor, { itemIds: [item.id] });
    await edit(adopted.id, addParagraph('Commuters told us the detour had added an hour.'));
    const published = await publish(adopted.id);
    assert.equal((await getPage(t.app, published.url)).doc.querySelector('.wire-changes'), null, 'off by default');

    const saved = await edit(adopted.id, () => ({ showWireChanges: true }));
    assert.equal(saved.showWireChanges, true);
    const { doc } = await getPage(t.app, published.url);
    const note = doc.querySelector('.wire-changes');
    assert.ok(note, 'the note is shown');
    assert.equal(textOf(note.querySelector('h2')), 'What our desk added');
    assert.match(textOf(note.querySelector('p')), /based on copy from Gamma Agency\. Our desk added 1 paragraph\./);
    assert.deepEqual(
      [...note.querySelectorAll('details li')].map((li) => textOf(li)),
      ['Commuters told us the detour had added an hour.'],
    );
  });

  describe('refusals', () => {
    test('a killed or withheld item cannot be adopted', async () => {
      const source = await makeSource(t.services, { name: 'Delta Wire', defaultSectionId: world.id });
      const killed = await makeItem(t.services, { source, headline: 'Wrong casualty figures', pubStatus: 'canceled' });
      const res = await editor.post('/api/admin/wire/adopt', { itemIds: [killed.id] });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'conflict');
      assert.match(res.json().error.message, /"Wrong casualty figures" was killed by Delta Wire; it cannot be adopted/);
      const withheld = await makeItem(t.services, { source, pubStatus: 'withheld' });
      assert.equal((await editor.post('/api/admin/wire/adopt', { itemIds: [withheld.id] })).statusCode, 409);
      assert.equal((await editor.get(`/api/admin/wire/items/${killed.id}`)).json().status, 'new');
    });

    test('input is checked: 422 with the fields, 404 for unknown items', async () => {
      const noSection = await makeSource(t.services, { name: 'Epsilon Wire' });
      const item = await makeItem(t.services, { source: noSection });
      const empty = await editor.post('/api/admin/wire/adopt', { itemIds: [] });
      assert.equal(empty.statusCode, 422);
      assert.deepEqual(
        empty.json().error.fields.map((f: { field: string }) => f.field),
        ['itemIds'],
      );
      const twice = await editor.post('/api/admin/wire/adopt', { itemIds: [item.id, item.id] });
      assert.equal(twice.statusCode, 422);
      const tooMany = await editor.post('/api/admin/wire/adopt', { itemIds: [1, 2, 3, 4, 5, 6] });
      assert.equal(tooMany.statusCode, 422);
      const unknownField = await editor.post('/api/admin/wire/adopt', { itemIds: [item.id], section: 1 });
      assert.deepEqual(
        unknownField.json().error.fields.map((f: { field: string }) => f.field),
        ['section'],
      );
      const section = await editor.post('/api/admin/wire/adopt', { itemIds: [item.id] });
      assert.equal(section.statusCode, 422);
      assert.deepEqual(section.json().error.fields, [
        { field: 'sectionId', message: 'Choose a section: the source of this copy has no default section.' },
      ]);
      const badSection = await editor.post('/api/admin/wire/adopt', { itemIds: [item.id], sectionId: 987654 });
      assert.equal(badSection.statusCode, 422, 'the articles service checks the section as for any article');
      const missing = await editor.post('/api/admin/wire/adopt', { itemIds: [987654] });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      assert.equal((await editor.get('/api/admin/articles/987654/wire')).statusCode, 404);
      assert.equal((await editor.post('/api/admin/wire/alerts/987654/resolve')).statusCode, 404);
    });

    test('access: a contributor may not use the desk; an author may adopt', async () => {
      const contributor = await signedIn(t, 'contributor');
      const author = await signedIn(t, 'author');
      const moderator = await signedIn(t, 'moderator');
      const source = await makeSource(t.services, { name: 'Zeta Wire', defaultSectionId: world.id });
      const item = await makeItem(t.services, { source });
      const inbox = await contributor.get('/api/admin/wire/items');
      assert.equal(inbox.statusCode, 403);
      assert.equal(inbox.json().error.code, 'forbidden');
      assert.equal((await contributor.post('/api/admin/wire/adopt', { itemIds: [item.id] })).statusCode, 403);
      assert.equal((await moderator.get('/api/admin/wire/items')).statusCode, 403);
      assert.equal((await author.get('/api/admin/wire/items')).statusCode, 200);
      const adopted = await adopt(author, { itemIds: [item.id] });
      const mine = (await author.get(`/api/admin/articles/${adopted.id}`)).json();
      assert.equal(mine.createdBy.id, author.staff.id, 'the adopter owns the draft');
      assert.equal((await author.get(`/api/admin/articles/${adopted.id}/wire`)).statusCode, 200);
    });
  });
});
