import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildSection } from '../../test/helpers/factories.js';
import { type FeedServer, startFeedServer, wireFixture } from '../../test/helpers/feed-server.js';

function assertError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal((res.json() as { error: { code: string } }).error.code, code);
}

const fieldsOf = (res: LightMyRequestResponse): string[] =>
  ((res.json() as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field).sort();

eachDialect('wire sources and "Add from URL" in the Admin API', (dialect) => {
  let t: TestApp;
  let server: FeedServer;
  let editor: AdminClient;
  before(async () => {
    server = await startFeedServer();
    t = await buildTestApp(dialect, {
      env: { NEWSDESK_WIRE_ALLOW_HOSTS: '127.0.0.1', NEWSDESK_WIRE_TIMEOUT_MS: '2000' },
    });
    editor = await signedIn(t, 'editor');
  });
  after(async () => {
    await t.close();
    await server.close();
  });

  test('an editor creates, reads, lists, changes and deletes a source', async () => {
    const world = await buildSection(t.services, 'world');
    const created = await editor.post('/api/admin/wire/sources', {
      name: 'Harbour Press Agency',
      url: server.url('/hpa.rss'),
      pollMinutes: 15,
      defaultSectionId: world.id,
      usageTerms: 'Not for use in print.',
    });
    assert.equal(created.statusCode, 201, created.body);
    const source = created.json();
    assert.deepEqual(
      { ...source, createdAt: undefined, updatedAt: undefined, nextPollAt: undefined },
      {
        id: source.id,
        name: 'Harbour Press Agency',
        url: server.url('/hpa.rss'),
        format: 'auto',
        pollMinutes: 15,
        creditTemplate: '{source}',
        editedCreditTemplate: '{sources} with additional input by {desk}',
        defaultSectionId: world.id,
        usageTerms: 'Not for use in print.',
        copyrightNotice: '',
        indexPolicy: 'news_noindex',
        enabled: true,
        lastPolledAt: null,
        lastSuccessAt: null,
        lastError: null,
        lastErrorAt: null,
        failures: 0,
        itemCount: 0,
        createdAt: undefined,
        updatedAt: undefined,
        nextPollAt: undefined,
      },
    );
    assert.ok(source.nextPollAt, 'a new source is due at once');

    assert.deepEqual((await editor.get(`/api/admin/wire/sources/${source.id}`)).json(), source);
    const list = (await editor.get('/api/admin/wire/sources')).json();
    assert.ok(list.items.some((s: { id: number }) => s.id === source.id));
    assert.equal(list.total, list.items.length);

    const patched = await editor.patch(`/api/admin/wire/sources/${source.id}`, {
      enabled: false,
      creditTemplate: '{source} via the wire',
      indexPolicy: 'noindex',
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().enabled, false);
    assert.equal(patched.json().creditTemplate, '{source} via the wire');
    assert.equal(patched.json().indexPolicy, 'noindex');

    assert.equal((await editor.delete(`/api/admin/wire/sources/${source.id}`)).statusCode, 204);
    assertError(await editor.get(`/api/admin/wire/sources/${source.id}`), 404, 'not_found');
  });

  describe('validation answers 422 naming every field to fix', () => {
    test('types, ranges and choices', async () => {
      const res = await editor.post('/api/admin/wire/sources', {
        name: 'Northern Wire',
        url: server.url('/nw.atom'),
        pollMinutes: 0,
        format: 'xml',
        indexPolicy: 'sometimes',
        colour: 'blue',
      });
      assertError(res, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(res), ['colour', 'format', 'indexPolicy', 'pollMinutes']);
      const tooSlow = await editor.post('/api/admin/wire/sources', {
        name: 'X',
        url: server.url('/x'),
        pollMinutes: 1441,
      });
      assert.deepEqual(fieldsOf(tooSlow), ['pollMinutes']);
      const missing = await editor.post('/api/admin/wire/sources', {});
      assert.deepEqual(fieldsOf(missing), ['name', 'url']);
    });

    test('address, credit templates and section, in words', async () => {
      const res = await editor.post('/api/admin/wire/sources', {
        name: 'Northern Wire',
        url: 'ftp://files.northernwire.example/feed',
        creditTemplate: 'Northern Wire',
        editedCreditTemplate: '{sources} and friends',
        defaultSectionId: 99999,
      });
      assertError(res, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(res), ['creditTemplate', 'defaultSectionId', 'editedCreditTemplate', 'url']);
      const messages = (res.json() as { error: { fields: { message: string }[] } }).error.fields.map((f) => f.message);
      assert.ok(messages.some((m) => m.includes('{source}')));
      assert.ok(messages.some((m) => m.includes('{desk}')));
    });
  });

  test('access: an author lists and reads but cannot create; a contributor cannot list', async () => {
    const author = await signedIn(t, 'author');
    assert.equal((await author.get('/api/admin/wire/sources')).statusCode, 200);
    assertError(await author.post('/api/admin/wire/sources', { name: 'A', url: server.url('/a') }), 403, 'forbidden');
    const contributor = await signedIn(t, 'contributor');
    assertError(await contributor.get('/api/admin/wire/sources'), 403, 'forbidden');
    const doc = (await t.app.inject('/api/admin/openapi.json')).json();
    assert.equal(doc.paths['/api/admin/wire/sources'].get['x-newsdesk-access'], 'wire.desk');
    assert.equal(doc.paths['/api/admin/wire/sources'].post['x-newsdesk-access'], 'wire.manage');
    assert.equal(doc.paths['/api/admin/wire/items/from-url'].post['x-newsdesk-access'], 'wire.desk');
  });

  test('poll now answers with the outcome, or with the error in words', async () => {
    server.serveFixture('/mns.json', 'meridian-ninjs2.json');
    const source = (
      await editor.post('/api/admin/wire/sources', { name: 'Meridian', url: server.url('/mns.json') })
    ).json();
    const polled = await editor.post(`/api/admin/wire/sources/${source.id}/poll`);
    assert.equal(polled.statusCode, 200, polled.body);
    assert.deepEqual(polled.json().outcome, {
      status: 'fetched',
      newItems: 1,
      updatedItems: 0,
      unchanged: 0,
      duplicates: 0,
      skipped: 0,
      error: null,
    });
    assert.equal(polled.json().source.itemCount, 1);

    const broken = (
      await editor.post('/api/admin/wire/sources', { name: 'Gone', url: server.url('/gone.rss') })
    ).json();
    const failed = (await editor.post(`/api/admin/wire/sources/${broken.id}/poll`)).json();
    assert.equal(failed.outcome.status, 'failed');
    assert.equal(failed.outcome.error, 'The feed answered 404 Not Found');
    assert.equal(failed.source.lastError, 'The feed answered 404 Not Found');
    assert.equal(failed.source.failures, 1);
    assertError(await editor.post('/api/admin/wire/sources/999999/poll'), 404, 'not_found');
  });

  test('a source whose copy an article carries cannot be deleted (409); disabling it can', async () => {
    server.serveFixture('/coast.json', 'coastline-feed.json');
    const source = (
      await editor.post('/api/admin/wire/sources', { name: 'Coastline', url: server.url('/coast.json') })
    ).json();
    await editor.post(`/api/admin/wire/sources/${source.id}/poll`);
    const item = await t.services.db.kysely
      .selectFrom('wire_items')
      .selectAll()
      .where('source_id', '=', source.id)
      .executeTakeFirstOrThrow();
    const article = await buildArticle(t.services, { headline: item.headline });
    await t.services.db.kysely
      .insertInto('article_wire')
      .values({
        article_id: article.id,
        wire_item_id: item.id,
        position: 0,
        source_id: source.id,
        source_name: 'Coastline',
        original_url: item.url,
        item_version: 1,
        original_headline: item.headline,
        original_body_html: item.body_html,
        original_body_text: item.body_text,
        usage_terms: null,
        copyright_notice: null,
        fetched_at: item.first_seen_at,
        adopted_at: item.first_seen_at,
        adopted_by: null,
      })
      .execute();
    const refused = await editor.delete(`/api/admin/wire/sources/${source.id}`);
    assertError(refused, 409, 'conflict');
    assert.match(refused.json().error.message, /Disable the source instead/);
    assert.equal((await editor.get(`/api/admin/wire/sources/${source.id}`)).json().itemCount, 1, 'nothing was deleted');
    const disabled = await editor.patch(`/api/admin/wire/sources/${source.id}`, { enabled: false });
    assert.equal(disabled.json().enabled, false);
  });

  describe('Add from URL', () => {
    test("a web article's page: headline and body extracted, scripts and page furniture left out", async () => {
      server.serve('/news/ferry', { body: wireFixture('article-page.html'), contentType: 'text/html; charset=utf-8' });
      const author = await signedIn(t, 'author');
      const res = await author.post('/api/admin/wire/items/from-url', { url: server.url('/news/ferry') });
      assert.equal(res.statusCode, 201, res.body);
      const item = res.json();
      assert.equal(item.origin, 'url');
      assert.equal(item.sourceId, null);
      assert.equal(item.sourceItemId, server.url('/news/ferry'));
      assert.equal(item.url, server.url('/news/ferry'));
      assert.equal(item.headline, 'Island ferry back on timetable after storm');
      assert.deepEqual(item.bylines, ['Ola Fjell']);
      assert.match(item.bodyText, /The island ferry returned to its timetable on Saturday/);
      assert.match(item.bodyText, /supply lorry/);
      for (const furniture of ['Advertisement', 'outboard motors', 'First! Great news', 'Privacy', 'Sport']) {
        assert.ok(!item.bodyText.includes(furniture), `no "${furniture}" in the body`);
      }
      assert.ok(!/<script|onerror|alert\(/i.test(item.bodyHtml), item.bodyHtml);
      assert.match(item.bodyHtml, new RegExp(`href="${server.origin}/news/island-shops"`));
      assert.equal(item.images[0]?.url, server.url('/images/ferry-at-dawn.jpg'), 'the lead image');
      assert.equal(item.publishedAt, '2026-11-28T07:20:00.000Z');
      assert.ok(
        !server.requests.some((r) => r.path === '/js/tracker.js' || r.path.startsWith('/images/')),
        "the page's scripts and images are never fetched (they would bypass the guard)",
      );

      const again = await editor.post('/api/admin/wire/items/from-url', { url: server.url('/news/ferry') });
      assert.equal(again.statusCode, 200, 'a known address answers with the existing item');
      assert.equal(again.json().id, item.id);
      const rows = await t.services.db.kysely
        .selectFrom('wire_items')
        .select('id')
        .where('url', '=', server.url('/news/ferry'))
        .execute();
      assert.equal(rows.length, 1);
      const version = await t.services.wireIngest.getVersion(item.id, 1);
      assert.match(
        version?.raw ?? '',
        /<script>alert\('injected'\)<\/script>/,
        'the page as received is kept for audit',
      );
    });

    test('a page with no article, a feed, a bad address and a 404 answer 422 with a reason', async () => {
      server.serve('/login', { body: wireFixture('not-a-feed.html'), contentType: 'text/html' });
      const noArticle = await editor.post('/api/admin/wire/items/from-url', { url: server.url('/login') });
      assertError(noArticle, 422, 'validation_failed');
      assert.equal(noArticle.json().error.message, 'Could not find an article on that page');

      server.serveFixture('/feed.json', 'coastline-feed.json');
      const feed = await editor.post('/api/admin/wire/items/from-url', { url: server.url('/feed.json') });
      assertError(feed, 422, 'validation_failed');
      assert.match(feed.json().error.message, /not a web page/);

      assertError(
        await editor.post('/api/admin/wire/items/from-url', { url: 'javascript:alert(1)' }),
        422,
        'validation_failed',
      );
      const missing = await editor.post('/api/admin/wire/items/from-url', { url: server.url('/nowhere') });
      assertError(missing, 422, 'validation_failed');
      assert.equal(missing.json().error.message, 'The page answered 404 Not Found');
      const contributor = await signedIn(t, 'contributor');
      assertError(
        await contributor.post('/api/admin/wire/items/from-url', { url: server.url('/login') }),
        403,
        'forbidden',
      );
    });
  });
});
