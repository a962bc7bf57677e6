import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AdminClient, signedIn } from '../../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildSection } from '../../../test/helpers/factories.js';
import { getPage } from '../../../test/helpers/html.js';
import { makeItem, makeSource } from '../../../test/helpers/wire.js';
import type { IndexPolicy } from '../wire.table.js';

eachDialect('wire desk: Google News and the sitemaps follow the source’s indexing policy', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let world: number;
  const clock = testClock('2026-11-28T10:00:00Z');

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    editor = await signedIn(t, 'editor');
    world = (await buildSection(t.services, 'world', 'World')).id;
  });
  after(() => t.close());

  /** Adopts an item of a source with this policy, optionally adds a paragraph, publishes; answers its absolute address. */
  const publishFrom = async (indexPolicy: IndexPolicy, headline: string, edit = false) => {
    const source = await makeSource(t.services, { indexPolicy, defaultSectionId: world });
    const item = await makeItem(t.services, { source, headline, bodyHtml: `<p>${headline}, the agency reports.</p>` });
    const adopted = await editor.post('/api/admin/wire/adopt', { itemIds: [item.id] });
    assert.equal(adopted.statusCode, 201, adopted.body);
    const { id } = adopted.json();
    if (edit) {
      const current = (await editor.get(`/api/admin/articles/${id}`)).json();
      const body = { ...current.body, content: [...current.body.content, paragraph('Our reporter adds this.')] };
      assert.equal(
        (await editor.patch(`/api/admin/articles/${id}`, { version: current.version, body })).statusCode,
        200,
      );
    }
    const published = await editor.put(`/api/admin/articles/${id}/publication`);
    assert.equal(published.statusCode, 200, published.body);
    return `http://news.test${published.json().url}`;
  };
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

  test('verbatim copy kept out of Google News is in the sitemap but not the news sitemap; noindex copy in neither', async () => {
    const indexed = await publishFrom('index', 'Grain convoy leaves port');
    const newsNoindex = await publishFrom('news_noindex', 'Rail strike called off');
    const edited = await publishFrom('news_noindex', 'Ferry fares frozen', true);
    const noindex = await publishFrom('noindex', 'Lighthouse sold at auction');

    const news = (await t.app.inject('/sitemaps/news.xml')).body;
    const month = (await t.app.inject('/sitemaps/articles-2026-11.xml')).body;
    const listed = (url: string) => ({
      news: news.includes(`<loc>${url}</loc>`),
      month: month.includes(`<loc>${url}</loc>`),
    });
    assert.deepEqual(listed(indexed), { news: true, month: true });
    assert.deepEqual(
      listed(newsNoindex),
      { news: false, month: true },
      'Googlebot-News noindex: out of Google News only',
    );
    assert.deepEqual(listed(edited), { news: true, month: true }, "the desk's own version is ours to index");
    assert.deepEqual(listed(noindex), { news: false, month: false });

    // The page says the same to crawlers as the sitemaps do.
    const { doc } = await getPage(t.app, newsNoindex.replace('http://news.test', ''));
    assert.equal(doc.querySelector('meta[name="Googlebot-News"]')?.getAttribute('content'), 'noindex');
    assert.equal(doc.querySelector('meta[name="robots"]'), null);
  });
});
