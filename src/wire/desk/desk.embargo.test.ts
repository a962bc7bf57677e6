import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminClient, signedIn } from '../../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildSection } from '../../../test/helpers/factories.js';
import { getPage } from '../../../test/helpers/html.js';
import { addVersion, makeItem, makeSource } from '../../../test/helpers/wire.js';
import { articlePath } from '../../articles/articles.paths.js';
import { parseFeed } from '../ingest/parse.js';

eachDialect('wire desk: embargoes', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  const clock = testClock('2026-11-28T10:00:00Z');

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    editor = await signedIn(t, 'editor');
  });
  after(() => t.close());

  test('embargoed copy is refused before its time, and a schedule holds it everywhere until then', async () => {
    const world = await buildSection(t.services, 'world', 'World');
    const source = await makeSource(t.services, {
      name: 'Meridian Press Agency',
      defaultSectionId: world.id,
      // Indexed everywhere once out: a source kept out of Google News would leave the news sitemap empty.
      indexPolicy: 'index',
    });
    const early = await makeItem(t.services, { source, embargoUntil: '2026-11-28T11:00:00.000Z' });
    const item = await makeItem(t.services, {
      source,
      headline: 'Central bank cuts rates by a quarter point',
      bodyHtml: '<p>The central bank cut its main rate.</p>',
      embargoUntil: '2026-11-28T12:00:00.000Z',
    });
    const adopted = await editor.post('/api/admin/wire/adopt', { itemIds: [early.id, item.id] });
    assert.equal(adopted.statusCode, 201, adopted.body);
    const { id, embargoUntil } = adopted.json();
    assert.equal(embargoUntil, '2026-11-28T12:00:00.000Z', 'the latest embargo of the items');

    const now = await editor.put(`/api/admin/articles/${id}/publication`);
    assert.equal(now.statusCode, 409);
    assert.equal(now.json().error.code, 'conflict');
    assert.match(
      now.json().error.message,
      /^Embargoed until November 28, 2026,? (at )?12:00\sPM GMT; schedule it for then or later\.$/,
      "told in the site's time zone",
    );
    const tooSoon = await editor.put(`/api/admin/articles/${id}/schedule`, { at: '2026-11-28T11:30:00Z' });
    assert.equal(tooSoon.statusCode, 422);
    assert.deepEqual(
      tooSoon.json().error.fields.map((f: { field: string }) => f.field),
      ['at'],
    );
    const scheduled = await editor.put(`/api/admin/articles/${id}/schedule`, { at: '2026-11-28T12:00:00Z' });
    assert.equal(scheduled.statusCode, 200, scheduled.body);

    const { slug } = scheduled.json();
    const url = articlePath('world', '2026-11-28T12:00:00Z', slug, 'Europe/London');
    const seen = async () => ({
      page: (await getPage(t.app, url)).res.statusCode,
      front: (await t.app.inject('/')).body.includes(url),
      feed: (await t.app.inject('/feed.xml')).body.includes(url),
      sitemap: (await t.app.inject('/sitemaps/articles-2026-11.xml')).body.includes(url),
      news: (await t.app.inject('/sitemaps/news.xml')).body.includes(url),
      search: (await getPage(t.app, '/search?q=central%20bank')).doc.querySelector(`a[href="${url}"]`) !== null,
    });

    await t.services.jobs.runDue();
    assert.deepEqual(await seen(), {
      page: 404,
      front: false,
      feed: false,
      sitemap: false,
      news: false,
      search: false,
    });

    clock.set('2026-11-28T12:00:01Z');
    await t.services.jobs.runDue();
    assert.equal((await editor.get(`/api/admin/articles/${id}`)).json().status, 'published');
    assert.deepEqual(await seen(), { page: 200, front: true, feed: true, sitemap: true, news: true, search: true });
  });

  describe('when the agency moves the embargo', () => {
    const hoursFromNow = (h: number) => new Date(clock.now().getTime() + h * 3_600_000).toISOString();
    const statusOf = async (id: number) => (await editor.get(`/api/admin/articles/${id}`)).json();
    const alertsOf = async (id: number) =>
      (
        (await editor.get(`/api/admin/articles/${id}/wire`)).json().alerts as { kind: string; message: string }[]
      ).filter((a) => a.kind === 'embargo');
    const adopt = async (itemId: number) => {
      const res = await editor.post('/api/admin/wire/adopt', { itemIds: [itemId] });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number; embargoUntil: string | null };
    };
    let business: number;
    before(async () => {
      business = (await buildSection(t.services, 'business', 'Business')).id;
    });

    test("later: the feed's new embargo reaches the drafts, and copy scheduled before it goes back to draft, saying why", async () => {
      const source = await makeSource(t.services, { name: 'Harbour Press Agency', defaultSectionId: business });
      // As the agency sends it: the same story, only its embargo moves.
      const delivery = (embargo: string) =>
        parseFeed(
          JSON.stringify({
            uri: 'urn:newsml:harbour.example:budget-embargo',
            version: '1',
            headline: 'Port authority to publish its yearly freight figures',
            body_html: '<p>The figures are due at noon.</p>',
            embargoed: embargo,
          }),
        ).items[0] as Parameters<typeof t.services.wireIngest.storeItem>[1];
      const first = hoursFromNow(2);
      const stored = await t.services.wireIngest.storeItem(source.id, delivery(first));
      assert.equal(stored.outcome, 'new');
      const scheduled = await adopt(stored.item.id);
      const draft = await adopt(stored.item.id);
      assert.equal(scheduled.embargoUntil, first);
      const put = await editor.put(`/api/admin/articles/${scheduled.id}/schedule`, { at: first });
      assert.equal(put.statusCode, 200, put.body);

      const moved = hoursFromNow(5);
      const again = await t.services.wireIngest.storeItem(source.id, delivery(moved));
      assert.equal(again.outcome, 'updated', 'a moved embargo is a new version even with the same text');
      assert.equal(again.item.version, 2);
      await t.services.jobs.runDue();

      const unscheduled = await statusOf(scheduled.id);
      assert.equal(unscheduled.status, 'draft');
      assert.equal(unscheduled.scheduledAt, null);
      const [why] = await alertsOf(scheduled.id);
      assert.match(why?.message ?? '', /^Harbour Press Agency moved the embargo on this story to .+ \(version 2\)\./);
      assert.match(why?.message ?? '', /before the embargo lifts, so it was unscheduled and is a draft again/);
      const tooEarly = await editor.put(`/api/admin/articles/${scheduled.id}/schedule`, { at: first });
      assert.equal(tooEarly.statusCode, 422, 'the old time is now before the embargo');
      assert.equal((await editor.put(`/api/admin/articles/${scheduled.id}/schedule`, { at: moved })).statusCode, 200);

      assert.match((await alertsOf(draft.id))[0]?.message ?? '', /The article cannot be published before then\.$/);
      assert.equal((await editor.put(`/api/admin/articles/${draft.id}/publication`)).statusCode, 409);

      await t.services.jobs.runDue();
      assert.equal((await alertsOf(draft.id)).length, 1, 'a job run again raises nothing new');
    });

    test('lifted: the draft may be published at once', async () => {
      const source = await makeSource(t.services, { defaultSectionId: business });
      const item = await makeItem(t.services, { source, embargoUntil: hoursFromNow(3) });
      const { id } = await adopt(item.id);
      assert.equal((await editor.put(`/api/admin/articles/${id}/publication`)).statusCode, 409);

      await addVersion(t.services, item.id, { embargoUntil: null });
      await t.services.jobs.runDue();
      assert.equal((await statusOf(id)).embargoUntil ?? null, null);
      assert.match((await alertsOf(id))[0]?.message ?? '', /lifted the embargo .* The article may be published now\.$/);
      assert.equal((await editor.put(`/api/admin/articles/${id}/publication`)).statusCode, 200);
    });

    test('embargoed again after publication: the article is taken off the site until then', async () => {
      const source = await makeSource(t.services, { defaultSectionId: business });
      const item = await makeItem(t.services, { source, headline: 'Shipyard wins a ferry order' });
      const { id } = await adopt(item.id);
      const published = await editor.put(`/api/admin/articles/${id}/publication`);
      assert.equal(published.statusCode, 200, published.body);
      const { url } = published.json();
      assert.equal((await getPage(t.app, url)).res.statusCode, 200);

      const until = hoursFromNow(6);
      await addVersion(t.services, item.id, { embargoUntil: until });
      await t.services.jobs.runDue();

      const held = await statusOf(id);
      assert.equal(held.status, 'unpublished');
      assert.equal((await getPage(t.app, url)).res.statusCode, 410);
      assert.match(
        (await alertsOf(id))[0]?.message ?? '',
        /already published, so it was taken off the site until then/,
      );
      assert.equal(
        (await editor.put(`/api/admin/articles/${id}/publication`)).statusCode,
        409,
        'held until the embargo',
      );

      clock.set(new Date(Date.parse(until) + 1000).toISOString());
      assert.equal((await editor.put(`/api/admin/articles/${id}/publication`)).statusCode, 200);
      assert.equal((await getPage(t.app, url)).res.statusCode, 200);
    });
  });
});
