import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildSection, buildStory, buildTag } from '../../test/helpers/factories.js';
import { urlOf } from '../../test/helpers/html.js';
import type { ArticleRecord } from '../articles/articles.service.js';

const at = (hoursBefore: number) => new Date(Date.parse('2026-11-28T10:00:00Z') - hoursBefore * 3600_000);

/** Makes a content key through the Admin API, as the newsroom app does. */
async function makeKey(client: AdminClient, name = 'Partner site'): Promise<{ id: number; secret: string }> {
  const res = await client.post('/api/admin/content-keys', { name });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

eachDialect('Content API', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let key: string;
  const clock = testClock('2026-11-28T10:00:00Z');
  const published: Record<string, ArticleRecord> = {};
  const hidden: Record<string, ArticleRecord> = {};

  const read = (url: string, opts: { key?: string | null; headers?: Record<string, string> } = {}) => {
    const secret = opts.key === undefined ? key : opts.key;
    const withKey = secret === null ? url : `${url}${url.includes('?') ? '&' : '?'}key=${encodeURIComponent(secret)}`;
    return t.app.inject({ method: 'GET', url: withKey, ...(opts.headers ? { headers: opts.headers } : {}) });
  };
  const ok = async (url: string) => {
    const res = await read(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const ids = (body: { articles: { id: number }[] }) => body.articles.map((a) => a.id);
  const badParameter = async (url: string, mentions: string) => {
    const res = await read(url);
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.equal(res.json().error.code, 'invalid_parameter', url);
    assert.ok(res.json().error.message.includes(mentions), `${url}: "${res.json().error.message}" names ${mentions}`);
  };

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    owner = await signedIn(t, 'owner');
    key = (await makeKey(owner)).secret;
    const s = t.services;
    await buildSection(s, 'world', 'World');
    await buildSection(s, 'politics', 'Politics');
    await buildAuthor(s, 'mara-quill', 'Mara Quill');
    await buildTag(s, 'floods');
    await buildStory(s, 'city-budget');
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6ea5' } })
      .png()
      .toBuffer();
    const image = await s.media.createImage(png, {
      alt: 'Flood water in the old town',
      caption: 'The river rose overnight.',
      credit: 'Photo: Ana Silva',
    });

    published.floods = await buildArticle(s, {
      headline: 'River bursts its banks in the old town',
      standfirst: 'Hundreds of homes were evacuated.',
      section: 'world',
      tags: ['floods'],
      authors: ['mara-quill'],
      story: 'city-budget',
      featureImageId: image.id,
      creditLine: 'Meridian Press Agency with additional input by News Desk',
      wireSource: 'Meridian Press Agency',
      published: at(5),
    });
    await s.articles.addNote(published.floods.id, {
      kind: 'correction',
      body: 'An earlier version misnamed the river.',
    });
    published.rain = await buildArticle(s, {
      headline: 'More rain forecast for the weekend',
      section: 'world',
      tags: ['floods'],
      published: at(4),
    });
    published.budget = await buildArticle(s, {
      headline: 'Council agrees the city budget',
      section: 'politics',
      authors: ['mara-quill'],
      story: 'city-budget',
      frontPageSlot: 1,
      published: at(3),
    });
    published.vote = await buildArticle(s, {
      headline: 'Vote on the new bridge delayed',
      section: 'politics',
      published: at(2),
    });
    published.pinned = await buildArticle(s, {
      headline: 'Relief fund opens for flooded homes',
      section: 'world',
      frontPageSlot: 2,
      published: at(1),
    });

    // Everything the site does not show, filed where the filters would find it.
    const filed = {
      section: 'world',
      tags: ['floods'],
      authors: ['mara-quill'],
      story: 'city-budget',
      frontPageSlot: 3,
    };
    hidden.draft = await buildArticle(s, { ...filed, headline: 'Draft about the floods' });
    hidden.review = await buildArticle(s, { ...filed, headline: 'In review about the floods' });
    await s.articles.submitForReview(hidden.review.id);
    hidden.scheduled = await buildArticle(s, { ...filed, headline: 'Scheduled flood story' });
    await s.articles.scheduleArticle(hidden.scheduled.id, new Date('2026-11-29T08:00:00Z'));
    hidden.unpublished = await buildArticle(s, { ...filed, headline: 'Unpublished flood story', published: at(6) });
    await s.articles.unpublishArticle(hidden.unpublished.id);
    hidden.withdrawn = await buildArticle(s, { ...filed, headline: 'Withdrawn flood story', published: at(7) });
    await s.articles.unpublishArticle(hidden.withdrawn.id, 'withdrawn');
  });
  after(() => t.close());

  describe('keys', () => {
    test('a request without a key, or with an unknown one, is refused with 401', async () => {
      for (const secret of [null, '', 'nonsense', 'ndc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        const res = await read('/api/content/articles', { key: secret });
        assert.equal(res.statusCode, 401, String(secret));
        assert.equal(res.json().error.code, 'unauthorized');
        assert.match(res.json().error.message, /content key/);
      }
    });

    test('the key may also come in the x-content-key header', async () => {
      const res = await read('/api/content/articles', { key: null, headers: { 'x-content-key': key } });
      assert.equal(res.statusCode, 200, res.body);
    });

    test('owners make keys; the secret is shown once and only its hash is stored', async () => {
      const created = await makeKey(owner, 'Mobile app');
      assert.match(created.secret, /^ndc_[A-Za-z0-9_-]{32}$/);
      const listed = await owner.get('/api/admin/content-keys');
      assert.equal(listed.statusCode, 200);
      const mine = listed.json().items.find((k: { id: number }) => k.id === created.id);
      assert.equal(mine.name, 'Mobile app');
      assert.equal(mine.hint, created.secret.slice(-4));
      assert.equal(mine.createdBy.id, owner.staff.id);
      assert.ok(!listed.body.includes(created.secret), 'the list never repeats the secret');
      const row = await t.services.db.kysely
        .selectFrom('content_keys')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(row.secret_hash, created.secret);
      assert.ok(!Object.values(row).includes(created.secret));

      assert.equal(mine.lastUsedAt, null);
      assert.equal((await read('/api/content/tags', { key: created.secret })).statusCode, 200);
      const again = (await owner.get('/api/admin/content-keys'))
        .json()
        .items.find((k: { id: number }) => k.id === created.id);
      assert.equal(again.lastUsedAt, clock.now().toISOString(), 'its last use is recorded');
    });

    test('a key needs a name', async () => {
      const res = await owner.post('/api/admin/content-keys', { name: '' });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.fields[0].field, 'name');
    });

    test('editors may not list, make or revoke keys', async () => {
      const editor = await signedIn(t, 'editor');
      const { id } = await makeKey(owner, 'Kept');
      for (const res of [
        await editor.get('/api/admin/content-keys'),
        await editor.post('/api/admin/content-keys', { name: 'Mine' }),
        await editor.delete(`/api/admin/content-keys/${id}`),
      ]) {
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'forbidden');
      }
    });

    test('a revoked key is refused at once', async () => {
      const { id, secret } = await makeKey(owner, 'Short-lived');
      assert.equal((await read('/api/content/articles', { key: secret })).statusCode, 200);
      const res = await owner.delete(`/api/admin/content-keys/${id}`);
      assert.equal(res.statusCode, 204);
      const refused = await read('/api/content/articles', { key: secret });
      assert.equal(refused.statusCode, 401);
      assert.match(refused.json().error.message, /revoked/);
      assert.equal((await owner.delete(`/api/admin/content-keys/${id}`)).statusCode, 404);
    });
  });

  describe('articles', () => {
    test('lists what the site lists, newest first, with Ghost-like pagination', async () => {
      const body = await ok('/api/content/articles');
      assert.deepEqual(ids(body), [
        published.pinned?.id,
        published.vote?.id,
        published.budget?.id,
        published.rain?.id,
        published.floods?.id,
      ]);
      assert.deepEqual(body.meta.pagination, { page: 1, limit: 15, pages: 1, total: 5, next: null, prev: null });

      const second = await ok('/api/content/articles?limit=2&page=2');
      assert.deepEqual(ids(second), [published.budget?.id, published.rain?.id]);
      assert.deepEqual(second.meta.pagination, { page: 2, limit: 2, pages: 3, total: 5, next: 3, prev: 1 });
      const last = await ok('/api/content/articles?limit=2&page=3');
      assert.deepEqual(ids(last), [published.floods?.id]);
      assert.equal(last.meta.pagination.next, null);
      const beyond = await ok('/api/content/articles?limit=2&page=9');
      assert.deepEqual(beyond.articles, []);
      assert.equal(beyond.meta.pagination.total, 5);
    });

    test('an article carries what its page shows, with absolute addresses', async () => {
      const floods = published.floods as ArticleRecord;
      const [a] = (await ok(`/api/content/articles/${floods.id}?include=authors,tags,section`)).articles;
      assert.equal(a.id, floods.id);
      assert.equal(a.slug, floods.slug);
      assert.equal(a.url, `http://news.test${urlOf(t.services, floods)}`);
      assert.equal(a.headline, 'River bursts its banks in the old town');
      assert.equal(a.standfirst, 'Hundreds of homes were evacuated.');
      assert.match(a.body_html, /<p>/);
      assert.equal(a.published_at, at(5).toISOString());
      assert.equal(typeof a.updated_at, 'string');
      assert.equal(a.credit_line, 'Meridian Press Agency with additional input by News Desk');
      assert.equal(a.wire_source, 'Meridian Press Agency');
      assert.match(a.feature_image.url, /^http:\/\/news\.test\/media\//);
      assert.equal(a.feature_image.width, 1200);
      assert.equal(a.feature_image.height, 800);
      assert.equal(a.feature_image.alt, 'Flood water in the old town');
      assert.equal(a.feature_image.caption, 'The river rose overnight.');
      assert.equal(a.feature_image.credit, 'Photo: Ana Silva');
      assert.deepEqual(a.section, { id: a.section.id, slug: 'world', name: 'World', url: 'http://news.test/world' });
      assert.deepEqual(
        a.authors.map((p: { slug: string; url: string }) => [p.slug, p.url]),
        [['mara-quill', 'http://news.test/author/mara-quill']],
      );
      assert.ok(!('email' in a.authors[0]), 'bylines carry no address');
      assert.deepEqual(
        a.tags.map((x: { slug: string }) => x.slug),
        ['floods'],
      );
      assert.equal(a.story.slug, 'city-budget');
      assert.equal(a.story.url, 'http://news.test/story/city-budget');
      assert.equal(a.notes.length, 1);
      assert.equal(a.notes[0].kind, 'correction');
      assert.equal(a.notes[0].body, 'An earlier version misnamed the river.');

      const [listed] = (
        await ok('/api/content/articles?filter=story:city-budget&order=published_at asc&include=authors,tags,section')
      ).articles;
      assert.deepEqual(listed, a, 'a list gives the same article as a read');

      const bySlug = (await ok(`/api/content/articles/slug/${floods.slug}?include=authors,tags,section`)).articles[0];
      assert.deepEqual(bySlug, a);
    });

    test('relations come with include; fields picks the top-level fields', async () => {
      const [plain] = (await ok('/api/content/articles?limit=1')).articles;
      assert.ok(!('authors' in plain) && !('tags' in plain) && !('section' in plain));
      assert.ok('body_html' in plain && 'notes' in plain && 'story' in plain);
      const [withTags] = (await ok('/api/content/articles?limit=1&include=tags')).articles;
      assert.ok('tags' in withTags && !('authors' in withTags));

      const picked = await ok('/api/content/articles?fields=id,headline,url');
      for (const a of picked.articles) assert.deepEqual(Object.keys(a).sort(), ['headline', 'id', 'url']);
      const [named] = (await ok('/api/content/articles?fields=id,section&limit=1')).articles;
      assert.deepEqual(
        Object.keys(named).sort(),
        ['id', 'section'],
        'a relation named in fields comes without include',
      );
    });

    test('filters: section, tag, author, story, featured, and featured with a section', async () => {
      const p = published as Record<string, ArticleRecord>;
      const cases: [string, (ArticleRecord | undefined)[]][] = [
        ['section:world', [p.pinned, p.rain, p.floods]],
        ['section:politics', [p.vote, p.budget]],
        ['tag:floods', [p.rain, p.floods]],
        ['author:mara-quill', [p.budget, p.floods]],
        ['story:city-budget', [p.budget, p.floods]],
        ['featured:true', [p.pinned, p.budget]],
        ['featured:true+section:world', [p.pinned]],
        ["section:'politics'", [p.vote, p.budget]],
      ];
      for (const [filter, expected] of cases) {
        const body = await ok(`/api/content/articles?filter=${encodeURIComponent(filter)}`);
        assert.deepEqual(
          ids(body),
          expected.map((a) => a?.id),
          filter,
        );
        assert.equal(body.meta.pagination.total, expected.length, filter);
      }
      // An unencoded + arrives as a space; both join terms.
      assert.deepEqual(ids(await ok('/api/content/articles?filter=featured:true+section:world')), [p.pinned?.id]);
      // A slug that names nothing lists nothing.
      const none = await ok('/api/content/articles?filter=tag:no-such-tag');
      assert.deepEqual(none.articles, []);
      assert.equal(none.meta.pagination.total, 0);
      assert.equal(none.meta.pagination.pages, 1);
    });

    test('orders: oldest first, and most recently changed first', async () => {
      const p = published as Record<string, ArticleRecord>;
      assert.deepEqual(ids(await ok('/api/content/articles?order=published_at%20asc')), [
        p.floods?.id,
        p.rain?.id,
        p.budget?.id,
        p.vote?.id,
        p.pinned?.id,
      ]);
      assert.deepEqual(ids(await ok('/api/content/articles?order=published_at+asc&filter=tag:floods')), [
        p.floods?.id,
        p.rain?.id,
      ]);
      assert.deepEqual(ids(await ok('/api/content/articles?order=published_at asc&filter=section:politics')), [
        p.budget?.id,
        p.vote?.id,
      ]);
      assert.deepEqual(ids(await ok('/api/content/articles?order=published_at asc&filter=author:mara-quill')), [
        p.floods?.id,
        p.budget?.id,
      ]);
      clock.advance(60_000);
      await t.services.articles.updateArticle(p.rain?.id as number, { standfirst: 'Another 40 mm is expected.' });
      const changed = ids(await ok('/api/content/articles?order=updated_at%20desc'));
      assert.equal(changed[0], p.rain?.id);
      assert.equal(changed.length, 5);
    });

    test('every bad parameter answers 400 naming what is wrong', async () => {
      const cases: [string, string][] = [
        ['filter=colour:red', 'colour'],
        ['filter=section', 'section'],
        ['filter=tag:Floods!', 'tag:Floods!'],
        ['filter=tag:[floods,rain]', 'tag:[floods,rain]'],
        ['filter=tag:-floods', 'tag:-floods'],
        ['filter=featured:false', 'featured:false'],
        ['filter=tag:floods%2Bsection:world', 'not supported'],
        ['filter=tag:floods%2Btag:rain', 'not supported'],
        ['filter=author:mara-quill%2Bstory:city-budget', 'not supported'],
        ['fields=id,colour', 'colour'],
        ['include=comments', 'comments'],
        ['limit=all', 'limit'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=2.5', 'limit'],
        ['page=0', 'page'],
        ['page=first', 'page'],
        ['order=headline%20asc', 'order'],
        ['order=updated_at%20asc', 'order'],
        ['order=updated_at%20desc&filter=tag:floods', 'updated_at desc'],
      ];
      for (const [query, mentions] of cases) await badParameter(`/api/content/articles?${query}`, mentions);
      await badParameter('/api/content/articles/abc', 'id');
      await badParameter(`/api/content/articles/${published.floods?.id}?fields=nope`, 'nope');
    });

    test('drafts, scheduled, unpublished and withdrawn articles never appear: not listed, not by id, not by slug', async () => {
      const hiddenIds = new Set(Object.values(hidden).map((a) => a.id));
      for (const filter of [
        '',
        'section:world',
        'tag:floods',
        'author:mara-quill',
        'story:city-budget',
        'featured:true',
      ]) {
        for (const order of [
          'published_at desc',
          'published_at asc',
          ...(filter === '' || filter === 'featured:true' ? ['updated_at desc'] : []),
        ]) {
          const body = await ok(
            `/api/content/articles?limit=100&filter=${encodeURIComponent(filter)}&order=${encodeURIComponent(order)}`,
          );
          for (const id of ids(body)) assert.ok(!hiddenIds.has(id), `${filter} ${order} lists ${id}`);
          assert.equal(
            body.meta.pagination.total,
            body.articles.length,
            `${filter} ${order}: the total counts only what is shown`,
          );
        }
      }
      for (const [state, article] of Object.entries(hidden)) {
        // The reader site's answer for the same article decides ours: 404, or 410 once it was public.
        const site = await t.app.inject({ method: 'GET', url: `/world/2026/11/28/${article.slug}` });
        assert.ok([404, 410].includes(site.statusCode), `${state}: site answers ${site.statusCode}`);
        for (const url of [`/api/content/articles/${article.id}`, `/api/content/articles/slug/${article.slug}`]) {
          const res = await read(url);
          assert.equal(res.statusCode, site.statusCode, `${state} ${url}`);
          assert.ok(!res.body.includes(article.headline), `${state} ${url}`);
        }
      }
      assert.equal((await read('/api/content/articles/999999')).statusCode, 404);
      assert.equal((await read('/api/content/articles/slug/no-such-story')).statusCode, 404);
    });
  });

  describe('sections, tags, authors, stories', () => {
    test('each lists with pagination and reads by id and by slug', async () => {
      const expectations = [
        { kind: 'sections', slug: 'world', field: 'name', value: 'World', url: 'http://news.test/world' },
        { kind: 'tags', slug: 'floods', field: 'name', value: 'floods', url: 'http://news.test/tag/floods' },
        {
          kind: 'authors',
          slug: 'mara-quill',
          field: 'name',
          value: 'Mara Quill',
          url: 'http://news.test/author/mara-quill',
        },
        {
          kind: 'stories',
          slug: 'city-budget',
          field: 'title',
          value: 'city budget',
          url: 'http://news.test/story/city-budget',
        },
      ];
      for (const e of expectations) {
        const list = await ok(`/api/content/${e.kind}?limit=100`);
        const found = list[e.kind].find((x: { slug: string }) => x.slug === e.slug);
        assert.ok(found, `${e.kind} lists ${e.slug}`);
        assert.equal(found[e.field], e.value);
        assert.equal(found.url, e.url);
        assert.equal(list.meta.pagination.total, list[e.kind].length, e.kind);
        const byId = await ok(`/api/content/${e.kind}/${found.id}`);
        assert.deepEqual(byId[e.kind], [found]);
        const bySlug = await ok(`/api/content/${e.kind}/slug/${e.slug}`);
        assert.deepEqual(bySlug[e.kind], [found]);
        const picked = await ok(`/api/content/${e.kind}/${found.id}?fields=id,slug`);
        assert.deepEqual(picked[e.kind], [{ id: found.id, slug: e.slug }]);
        const missing = await read(`/api/content/${e.kind}/slug/nothing-here`);
        assert.equal(missing.statusCode, 404);
        assert.equal(missing.json().error.code, 'not_found');
        await badParameter(`/api/content/${e.kind}?fields=colour`, 'colour');
        await badParameter(`/api/content/${e.kind}?include=authors`, 'include');
        await badParameter(`/api/content/${e.kind}?limit=all`, 'limit');
      }
      const author = (await ok('/api/content/authors/slug/mara-quill')).authors[0];
      assert.ok(!('email' in author));
      const page = await ok('/api/content/sections?limit=1&page=2');
      assert.equal(page.sections.length, 1);
      assert.deepEqual(page.meta.pagination, { page: 2, limit: 1, pages: 2, total: 2, next: null, prev: 1 });
    });
  });

  describe('HTTP', () => {
    test('any origin may read: CORS on answers and on preflight', async () => {
      const res = await read('/api/content/articles', { headers: { origin: 'https://partner.example' } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      const denied = await read('/api/content/articles', { key: null, headers: { origin: 'https://partner.example' } });
      assert.equal(denied.headers['access-control-allow-origin'], '*', 'a browser can read the 401 too');
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/content/articles',
        headers: {
          origin: 'https://partner.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-content-key',
        },
      });
      assert.equal(preflight.statusCode, 204, preflight.body);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      assert.match(String(preflight.headers['access-control-allow-headers']), /x-content-key/);
      const admin = await t.app.inject({
        method: 'GET',
        url: '/api/admin/setup',
        headers: { origin: 'https://partner.example' },
      });
      assert.equal(admin.headers['access-control-allow-origin'], undefined, 'the Admin API stays same-origin');
    });

    test('answers are cacheable for a minute and revalidate with an ETag', async () => {
      const first: LightMyRequestResponse = await read('/api/content/articles?filter=tag:floods');
      assert.equal(first.headers['cache-control'], 'public, max-age=60');
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[^"]+"$/);
      const again = await read('/api/content/articles?filter=tag:floods', { headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      const weak = await read('/api/content/articles?filter=tag:floods', { headers: { 'if-none-match': `W/${etag}` } });
      assert.equal(weak.statusCode, 304);
      await buildArticle(t.services, {
        section: 'world',
        tags: ['floods'],
        headline: 'Flood defences hold',
        published: at(0.5),
      });
      const changed = await read('/api/content/articles?filter=tag:floods', { headers: { 'if-none-match': etag } });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      const unauthorized = await read('/api/content/articles', { key: null });
      assert.equal(unauthorized.headers['cache-control'], 'no-store');
      assert.equal(unauthorized.headers.etag, undefined);
    });

    test('the Content API has its own OpenAPI document; the Admin API’s lists only admin routes', async () => {
      const content = (await t.app.inject('/api/content/openapi.json')).json();
      assert.equal(content.info.title, 'Newsdesk Content API');
      const paths = Object.keys(content.paths);
      for (const expected of [
        '/api/content/articles',
        '/api/content/articles/{id}',
        '/api/content/articles/slug/{slug}',
        '/api/content/sections',
        '/api/content/tags/{id}',
        '/api/content/authors/slug/{slug}',
        '/api/content/stories',
      ]) {
        assert.ok(paths.includes(expected), `${expected} is documented`);
      }
      assert.ok(
        paths.every((p) => p.startsWith('/api/content/')),
        paths.join(', '),
      );
      assert.deepEqual(content.paths['/api/content/articles'].get.security, [
        { contentKey: [] },
        { contentKeyHeader: [] },
      ]);
      assert.ok(content.components.securitySchemes.contentKey);

      const admin = (await t.app.inject('/api/admin/openapi.json')).json();
      const adminPaths = Object.keys(admin.paths);
      assert.ok(
        adminPaths.every((p) => p.startsWith('/api/admin/')),
        adminPaths.join(', '),
      );
      assert.ok(adminPaths.includes('/api/admin/content-keys'));
      assert.equal(admin.paths['/api/admin/content-keys'].post['x-newsdesk-access'], 'settings.manage');
    });
  });
});

eachDialect('Content API rate limit', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  before(async () => {
    t = await buildTestApp(dialect, { env: { NEWSDESK_CONTENT_API_RATE_PER_MINUTE: '3' } });
    owner = await signedIn(t, 'owner');
  });
  after(() => t.close());

  test('each key has its own limit; past it, 429 in the usual error shape with Retry-After', async () => {
    const first = (await makeKey(owner, 'Busy')).secret;
    const second = (await makeKey(owner, 'Quiet')).secret;
    const get = (secret: string) => t.app.inject({ method: 'GET', url: `/api/content/tags?key=${secret}` });
    for (let i = 0; i < 3; i++) assert.equal((await get(first)).statusCode, 200);
    const limited = await get(first);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.ok(limited.json().error.retryAfterSeconds > 0);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await get(second)).statusCode, 200, 'another key is not held back');
  });
});
