import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildSection } from '../../test/helpers/factories.js';
import { getPage, textOf, urlOf } from '../../test/helpers/html.js';

function assertError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal((res.json() as { error: { code: string } }).error.code, code);
}

function fieldsOf(res: LightMyRequestResponse): string[] {
  return (res.json() as { error: { fields?: { field: string }[] } }).error.fields?.map((f) => f.field) ?? [];
}

eachDialect('taxonomy in the Admin API', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  before(async () => {
    t = await buildTestApp(dialect);
    editor = await signedIn(t, 'editor');
  });
  after(() => t.close());

  describe('an editor manages each kind', () => {
    test('sections: create, read, list by position, update, delete', async () => {
      const created = await editor.post('/api/admin/sections', {
        name: 'Culture',
        description: 'Arts and books',
        position: 7,
      });
      assert.equal(created.statusCode, 201, created.body);
      const section = created.json();
      assert.deepEqual(section, {
        id: section.id,
        slug: 'culture',
        name: 'Culture',
        description: 'Arts and books',
        position: 7,
        inNavigation: true,
      });
      assert.equal(t.services.taxonomy.sectionBySlug('culture')?.id, section.id, 'the site knows it at once');

      const first = (
        await editor.post('/api/admin/sections', { slug: 'aaa-first', name: 'First', position: 0 })
      ).json();
      const list = await editor.get('/api/admin/sections');
      assert.equal(list.statusCode, 200);
      const { items, total } = list.json() as { items: { id: number }[]; total: number };
      assert.equal(total, items.length);
      assert.ok(
        items.findIndex((s) => s.id === first.id) < items.findIndex((s) => s.id === section.id),
        'listed by position',
      );

      assert.deepEqual((await editor.get(`/api/admin/sections/${section.id}`)).json(), section);

      const patched = await editor.patch(`/api/admin/sections/${section.id}`, {
        slug: 'arts',
        name: 'Arts',
        inNavigation: false,
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(patched.json(), { ...section, slug: 'arts', name: 'Arts', inNavigation: false });
      assert.equal(t.services.taxonomy.sectionBySlug('culture'), undefined);
      assert.equal(t.services.taxonomy.sectionBySlug('arts')?.in_navigation, 0);

      const deleted = await editor.delete(`/api/admin/sections/${section.id}`);
      assert.equal(deleted.statusCode, 204);
      assertError(await editor.get(`/api/admin/sections/${section.id}`), 404, 'not_found');
      assert.equal(t.services.taxonomy.sectionById(section.id), undefined, 'gone from memory too');
      assertError(await editor.delete(`/api/admin/sections/${section.id}`), 404, 'not_found');
    });

    test('tags: create, search, update, delete', async () => {
      const created = await editor.post('/api/admin/tags', { name: 'Climate change', description: 'Warming' });
      assert.equal(created.statusCode, 201, created.body);
      const tag = created.json();
      assert.deepEqual(tag, { id: tag.id, slug: 'climate-change', name: 'Climate change', description: 'Warming' });
      await editor.post('/api/admin/tags', { slug: 'elections', name: 'Elections' });

      const found = await editor.get('/api/admin/tags?q=CLIMATE&limit=5');
      assert.equal(found.statusCode, 200);
      assert.deepEqual(found.json(), { items: [tag], page: 1, limit: 5, total: 1 });
      const none = (await editor.get('/api/admin/tags?q=100%25')).json();
      assert.equal(none.total, 0, 'LIKE wildcards in the query are taken literally');

      const patched = await editor.patch(`/api/admin/tags/${tag.id}`, { name: 'Climate' });
      assert.deepEqual(patched.json(), { ...tag, name: 'Climate' });
      assert.deepEqual((await editor.get(`/api/admin/tags/${tag.id}`)).json(), { ...tag, name: 'Climate' });

      assert.equal((await editor.delete(`/api/admin/tags/${tag.id}`)).statusCode, 204);
      assertError(await editor.get(`/api/admin/tags/${tag.id}`), 404, 'not_found');
    });

    test('authors: create, update, delete; a bad email or kind is a field error', async () => {
      const created = await editor.post('/api/admin/authors', {
        name: 'Ada Byline',
        title: 'Science editor',
        kind: 'columnist',
        email: 'ada@news.test',
      });
      assert.equal(created.statusCode, 201, created.body);
      const author = created.json();
      assert.deepEqual(author, {
        id: author.id,
        slug: 'ada-byline',
        name: 'Ada Byline',
        title: 'Science editor',
        bio: '',
        kind: 'columnist',
        email: 'ada@news.test',
        avatarImageId: null,
      });

      const patched = await editor.patch(`/api/admin/authors/${author.id}`, {
        bio: 'Writes about atoms.',
        email: null,
      });
      assert.deepEqual(patched.json(), { ...author, bio: 'Writes about atoms.', email: null });

      const badEmail = await editor.patch(`/api/admin/authors/${author.id}`, { email: 'not an address' });
      assertError(badEmail, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(badEmail), ['email']);
      assertError(await editor.patch(`/api/admin/authors/${author.id}`, { kind: 'intern' }), 422, 'validation_failed');
      const noImage = await editor.patch(`/api/admin/authors/${author.id}`, { avatarImageId: 999999 });
      assertError(noImage, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(noImage), ['avatarImageId']);

      const list = (await editor.get('/api/admin/authors?q=byline')).json();
      assert.deepEqual(list.items, [{ ...author, bio: 'Writes about atoms.', email: null }]);

      assert.equal((await editor.delete(`/api/admin/authors/${author.id}`)).statusCode, 204);
      assertError(await editor.get(`/api/admin/authors/${author.id}`), 404, 'not_found');
    });

    test('stories: create, update, delete; its articles leave the thread', async () => {
      const created = await editor.post('/api/admin/stories', { title: 'Bridge collapse', description: 'The inquiry' });
      assert.equal(created.statusCode, 201, created.body);
      const story = created.json();
      assert.deepEqual(story, {
        id: story.id,
        slug: 'bridge-collapse',
        title: 'Bridge collapse',
        description: 'The inquiry',
        status: 'developing',
      });
      const patched = await editor.patch(`/api/admin/stories/${story.id}`, { status: 'concluded' });
      assert.deepEqual(patched.json(), { ...story, status: 'concluded' });
      assert.equal((await editor.get('/api/admin/stories')).json().items[0].id, story.id, 'newest first');

      const article = await buildArticle(t.services, { story: 'bridge-collapse', section: 'news' });
      assert.equal((await editor.delete(`/api/admin/stories/${story.id}`)).statusCode, 204);
      assert.equal((await t.services.articles.findRecord(article.id))?.story_id, null);
      assertError(await editor.get(`/api/admin/stories/${story.id}`), 404, 'not_found');
    });
  });

  describe('validation', () => {
    test('a slug another section already uses answers 422 on the slug field, on create and on update', async () => {
      await editor.post('/api/admin/sections', { slug: 'science', name: 'Science' });
      const again = await editor.post('/api/admin/sections', { slug: 'science', name: 'Science again' });
      assertError(again, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(again), ['slug']);

      const other = (await editor.post('/api/admin/sections', { slug: 'technology', name: 'Technology' })).json();
      const rename = await editor.patch(`/api/admin/sections/${other.id}`, { slug: 'science' });
      assertError(rename, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(rename), ['slug']);
      assert.equal(
        (await editor.patch(`/api/admin/sections/${other.id}`, { slug: 'technology' })).statusCode,
        200,
        'its own',
      );

      await editor.post('/api/admin/tags', { slug: 'housing', name: 'Housing' });
      const tag = await editor.post('/api/admin/tags', { slug: 'housing', name: 'Homes' });
      assertError(tag, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(tag), ['slug']);
    });

    test('a section may not take an address the site uses itself', async () => {
      for (const slug of ['api', 'newsroom', 'tag']) {
        const res = await editor.post('/api/admin/sections', { slug, name: 'Reserved' });
        assertError(res, 422, 'validation_failed');
        assert.deepEqual(fieldsOf(res), ['slug'], slug);
      }
      assert.equal(t.services.taxonomy.sectionBySlug('api'), undefined);
    });

    test('a malformed slug, a blank name and unknown fields are field errors', async () => {
      const bad = await editor.post('/api/admin/tags', { slug: 'Not A Slug', name: '   ' });
      assertError(bad, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(bad).sort(), ['name', 'slug']);
      const unknown = await editor.post('/api/admin/stories', { title: 'Floods', colour: 'blue' });
      assertError(unknown, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(unknown), ['colour']);
      const long = await editor.post('/api/admin/sections', { name: 'x'.repeat(121) });
      assertError(long, 422, 'validation_failed');
      assert.deepEqual(fieldsOf(long), ['name']);
    });

    test('an id that is not a number is a bad parameter', async () => {
      assertError(await editor.get('/api/admin/sections/abc'), 400, 'invalid_parameter');
      assertError(await editor.patch('/api/admin/tags/abc', { name: 'X' }), 400, 'invalid_parameter');
      assertError(await editor.delete('/api/admin/stories/0'), 400, 'invalid_parameter');
    });
  });

  describe('deleting what articles use', () => {
    test('a section with articles answers 409 and nothing changes', async () => {
      const article = await buildArticle(t.services, { section: 'weather' });
      const section = t.services.taxonomy.sectionBySlug('weather');
      assert.ok(section);
      const res = await editor.delete(`/api/admin/sections/${section.id}`);
      assertError(res, 409, 'conflict');
      assert.equal((await editor.get(`/api/admin/sections/${section.id}`)).statusCode, 200);
      assert.equal(t.services.taxonomy.sectionById(section.id)?.slug, 'weather');
      assert.equal((await t.services.articles.findRecord(article.id))?.section_id, section.id);
    });

    test('an author with bylines answers 409', async () => {
      await buildArticle(t.services, { authors: ['busy-writer'] });
      const author = await buildAuthor(t.services, 'busy-writer');
      assertError(await editor.delete(`/api/admin/authors/${author.id}`), 409, 'conflict');
      assert.equal((await editor.get(`/api/admin/authors/${author.id}`)).statusCode, 200);
    });

    test('a tag is taken off its articles, and its page is gone at once', async () => {
      const article = await buildArticle(t.services, { tags: ['heatwave'], published: true });
      const tag = await t.services.taxonomy.findTagBySlug('heatwave');
      assert.ok(tag);
      await getPage(t.app, '/tag/heatwave');
      const cached = await getPage(t.app, '/tag/heatwave');
      assert.equal(cached.res.statusCode, 200);
      assert.equal(cached.res.headers['x-cache'], 'HIT', 'the topic page is cached before the delete');
      const url = urlOf(t.services, article);
      await getPage(t.app, url);
      const before = await getPage(t.app, url);
      assert.ok(before.doc.querySelector('.article__tags a[href="/tag/heatwave"]'), 'the article lists the tag');

      assert.equal((await editor.delete(`/api/admin/tags/${tag.id}`)).statusCode, 204);

      assert.equal((await getPage(t.app, '/tag/heatwave')).res.statusCode, 404);
      assert.deepEqual((await t.services.articles.membershipOf(article.id)).tagIds, []);
      const after = await getPage(t.app, url);
      assert.notEqual(after.res.headers['x-cache'], 'HIT', 'the article page is rendered afresh');
      assert.equal(after.doc.querySelector('.article__tags a[href="/tag/heatwave"]'), null);
    });
  });

  describe('who may', () => {
    test('an author reads sections but may not create one', async () => {
      const author = await signedIn(t, 'author');
      assert.equal((await author.get('/api/admin/sections')).statusCode, 200);
      assert.equal((await author.get('/api/admin/tags')).statusCode, 200);
      assertError(await author.post('/api/admin/sections', { name: 'Opinion' }), 403, 'forbidden');
      assert.equal(t.services.taxonomy.sectionBySlug('opinion'), undefined);
    });

    test('without a session the answer is 401', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/sections' });
      assertError(res, 401, 'unauthorized');
    });

    test('a write without the CSRF header is refused', async () => {
      const careful = await signedIn(t, 'editor');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/tags',
        headers: { cookie: `nd_session=${careful.cookie}` },
        payload: { name: 'Forged' },
      });
      assertError(res, 403, 'csrf_failed');
      assert.equal(await t.services.taxonomy.findTagBySlug('forged'), undefined);
    });
  });

  describe('the reader site follows', () => {
    test('renaming a section shows the new name in the navigation of cached pages', async () => {
      const section = await buildSection(t.services, 'politics', 'Politics');
      await getPage(t.app, '/');
      const cached = await getPage(t.app, '/');
      assert.equal(cached.res.headers['x-cache'], 'HIT', 'the front page is cached before the rename');
      const names = (doc: typeof cached.doc) => [...doc.querySelectorAll('nav.sections-nav a')].map((a) => textOf(a));
      assert.ok(names(cached.doc).includes('Politics'));

      const res = await editor.patch(`/api/admin/sections/${section.id}`, { name: 'Government' });
      assert.equal(res.statusCode, 200, res.body);

      const { doc } = await getPage(t.app, '/');
      assert.ok(names(doc).includes('Government'), 'the new name is in the navigation');
      assert.ok(!names(doc).includes('Politics'), 'the old one is not');
    });

    test('the OpenAPI document lists the taxonomy routes', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/admin/openapi.json' })).json() as {
        paths: Record<string, Record<string, { tags?: string[] }>>;
      };
      for (const path of [
        '/api/admin/sections',
        '/api/admin/tags/{id}',
        '/api/admin/authors',
        '/api/admin/stories/{id}',
      ]) {
        const operations = Object.values(doc.paths[path] ?? {});
        assert.ok(operations.length > 0, path);
        for (const op of operations) assert.deepEqual(op.tags, ['taxonomy'], path);
      }
    });
  });
});
