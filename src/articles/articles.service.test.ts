import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildSection, buildTag, paragraphs } from '../../test/helpers/factories.js';
import { AppError } from '../errors.js';
import { creditLineFor } from './articles.service.js';

test('credit lines read the way the desk credits wire copy', () => {
  assert.equal(creditLineFor(['RT'], 'GVS News Desk', true), 'RT with additional input by GVS News Desk');
  assert.equal(creditLineFor(['AFP'], 'GVS News Desk', false), 'AFP');
  assert.equal(
    creditLineFor(['AFP', 'Reuters'], 'GVS News Desk', true),
    'AFP and Reuters with additional input by GVS News Desk',
  );
  assert.equal(creditLineFor(['A', 'B', 'C'], 'Desk', false), 'A, B and C');
});

async function rejects(promise: Promise<unknown>, code: string, field?: string) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (field)
      assert.ok(
        err.details?.fields?.some((f) => f.field === field),
        `a message for ${field}`,
      );
    return true;
  });
}

eachDialect('articles service', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('a draft is not on the site; publishing puts it there with its times', async () => {
    const draft = await buildArticle(t.services, { headline: 'Ferry timetable changes', section: 'city' });
    assert.equal(draft.status, 'draft');
    assert.equal(draft.first_published_at, null);
    assert.equal((await t.services.articles.getArticlePage(draft.slug)).kind, 'not_found');
    const at = new Date('2026-11-20T09:30:00Z');
    const published = await t.services.articles.publishArticle(draft.id, at);
    assert.equal(published.status, 'published');
    assert.equal(published.first_published_at, at.toISOString());
    assert.equal(published.published_at, at.toISOString());
    const found = await t.services.articles.getArticlePage(draft.slug);
    assert.equal(found.kind, 'found');
    assert.ok(found.kind === 'found' && found.article.url === `/city/2026/11/20/${draft.slug}`);
  });

  test('slugs come from the headline and never collide', async () => {
    const a = await buildArticle(t.services, { headline: 'Mayor opens new library' });
    const b = await buildArticle(t.services, { headline: 'Mayor opens new library' });
    assert.equal(a.slug, 'mayor-opens-new-library');
    assert.equal(b.slug, 'mayor-opens-new-library-2');
  });

  test('bad input is refused with a message per field', async () => {
    const section = await buildSection(t.services, 'news');
    await rejects(
      t.services.articles.createArticle({ headline: '  ', body: paragraphs('x'), sectionId: section.id }),
      'validation_failed',
      'headline',
    );
    await rejects(
      t.services.articles.createArticle({ headline: 'Ok', body: paragraphs('x'), sectionId: 999_999 }),
      'validation_failed',
      'sectionId',
    );
    await rejects(
      t.services.articles.createArticle({
        headline: 'Ok',
        slug: 'Not A Slug!',
        body: paragraphs('x'),
        sectionId: section.id,
      }),
      'validation_failed',
      'slug',
    );
    await rejects(
      t.services.articles.createArticle({
        headline: 'Ok',
        body: paragraphs('x'),
        sectionId: section.id,
        canonicalUrl: 'javascript:alert(1)',
      }),
      'validation_failed',
      'canonicalUrl',
    );
  });

  test('a stale save is refused with edit_conflict and overwrites nothing', async () => {
    const a = await buildArticle(t.services, { headline: 'Original headline' });
    const first = await t.services.articles.updateArticle(a.id, { headline: 'First editor' }, a.version);
    assert.equal(first.version, a.version + 1);
    await rejects(t.services.articles.updateArticle(a.id, { headline: 'Second editor' }, a.version), 'edit_conflict');
    assert.equal((await t.services.articles.findRecord(a.id))?.headline, 'First editor');
  });

  test('bylines keep their order; wire copy without a byline shows its agency', async () => {
    const staff = await buildArticle(t.services, {
      headline: 'Two reporters',
      authors: ['zara-one', 'amos-two'],
      published: true,
    });
    const wire = await buildArticle(t.services, {
      headline: 'Agency copy',
      wireSource: 'Meridian Press Agency',
      creditLine: 'Meridian Press Agency',
      published: true,
    });
    const [staffCard, wireCard] = await t.services.articles.cardsFor([staff.id, wire.id]);
    assert.deepEqual(
      staffCard?.byline.authors.map((a) => a.slug),
      ['zara-one', 'amos-two'],
    );
    assert.equal(staffCard?.byline.source, null);
    assert.deepEqual(wireCard?.byline, { authors: [], source: 'Meridian Press Agency' });
  });

  test('listings page through the newest first, per section, tag and author', async () => {
    const section = await buildSection(t.services, 'listing-test');
    const tag = await buildTag(t.services, 'listing-tag');
    const author = await buildAuthor(t.services, 'listing-author');
    const base = Date.parse('2026-01-01T00:00:00Z');
    const made: Awaited<ReturnType<typeof buildArticle>>[] = [];
    for (let i = 0; i < 25; i++) {
      made.push(
        await buildArticle(t.services, {
          headline: `Listing ${i}`,
          section: 'listing-test',
          tags: ['listing-tag'],
          authors: ['listing-author'],
          published: new Date(base + i * 60_000),
        }),
      );
    }
    const newestFirst = made.map((a) => a.id).reverse();
    const p1 = await t.services.articles.listLatest({ page: 1, pageSize: 10, sectionId: section.id });
    const p3 = await t.services.articles.listLatest({ page: 3, pageSize: 10, sectionId: section.id });
    assert.deepEqual(
      p1.items.map((c) => c.id),
      newestFirst.slice(0, 10),
    );
    assert.equal(p1.hasNext, true);
    assert.deepEqual(
      p3.items.map((c) => c.id),
      newestFirst.slice(20),
    );
    assert.equal(p3.hasNext, false);
    const byTag = await t.services.articles.listByTag(tag.id, 2, 10);
    assert.deepEqual(
      byTag.items.map((c) => c.id),
      newestFirst.slice(10, 20),
    );
    const byAuthor = await t.services.articles.listByAuthor(author.id, 1, 5);
    assert.deepEqual(
      byAuthor.items.map((c) => c.id),
      newestFirst.slice(0, 5),
    );
    await t.services.articles.unpublishArticle(made[24]?.id as number);
    const afterUnpublish = await t.services.articles.listByTag(tag.id, 1, 10);
    assert.ok(!afterUnpublish.items.some((c) => c.id === made[24]?.id), 'unpublished stories leave tag listings');
  });

  test('a renamed published article answers from its old slug with a redirect', async () => {
    const a = await buildArticle(t.services, {
      headline: 'Old name',
      section: 'city',
      published: new Date('2026-11-02T12:00:00Z'),
    });
    await t.services.articles.updateArticle(a.id, { slug: 'new-name' });
    const old = await t.services.articles.getArticlePage(a.slug);
    assert.deepEqual(old, { kind: 'redirect', location: '/city/2026/11/02/new-name' });
    const wrongDate = await t.services.articles.getArticlePage('new-name', '/city/2020/01/01/new-name');
    assert.deepEqual(wrongDate, { kind: 'redirect', location: '/city/2026/11/02/new-name' });
  });

  test('an unpublished or withdrawn story is gone, not missing', async () => {
    const a = await buildArticle(t.services, { headline: 'Withdrawn story', published: true });
    await t.services.articles.unpublishArticle(a.id, 'withdrawn');
    assert.deepEqual(await t.services.articles.getArticlePage(a.slug), { kind: 'gone' });
  });

  test('corrections are appended with their time and mark the article updated', async () => {
    const a = await buildArticle(t.services, {
      headline: 'Budget figures',
      published: new Date('2026-11-10T08:00:00Z'),
    });
    const when = new Date('2026-11-10T15:00:00Z');
    await t.services.articles.addNote(a.id, {
      kind: 'correction',
      body: 'An earlier version gave the wrong total.',
      at: when,
    });
    const found = await t.services.articles.getArticlePage(a.slug);
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.article.notes.length, 1);
    assert.equal(found.article.notes[0]?.kind, 'correction');
    assert.equal(found.article.notes[0]?.createdAt, when.toISOString());
    assert.equal(found.article.updatedAt, when.toISOString());
    await rejects(t.services.articles.addNote(a.id, { kind: 'correction', body: '   ' }), 'validation_failed', 'body');
  });

  test('a feature image needs alt text before publishing', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const image = await t.services.media.createImage(png, { alt: '' });
    const a = await buildArticle(t.services, { headline: 'Pictured', featureImageId: image.id });
    await rejects(t.services.articles.publishArticle(a.id), 'validation_failed', 'featureImageId');
  });

  test('a "Read more" card follows its target’s headline', async () => {
    const target = await buildArticle(t.services, {
      headline: 'Council votes on budget',
      section: 'city',
      published: true,
    });
    const linking = await buildArticle(t.services, {
      headline: 'Library hours cut',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Opening hours will fall.' }] },
          { type: 'readMore', attrs: { articleId: target.id } },
        ],
      },
      published: true,
    });
    let page = await t.services.articles.getArticlePage(linking.slug);
    assert.ok(page.kind === 'found' && page.article.bodyHtml.includes('Council votes on budget'));
    await t.services.articles.updateArticle(target.id, { headline: 'Council approves budget' });
    page = await t.services.articles.getArticlePage(linking.slug);
    assert.ok(page.kind === 'found' && page.article.bodyHtml.includes('Council approves budget'));
    assert.ok(
      page.kind === 'found' &&
        page.article.bodyHtml.includes(`href="${(await t.services.articles.cardsFor([target.id]))[0]?.url}"`),
    );
  });

  test('a developing story lists what came before and after', async () => {
    const base = Date.parse('2026-11-01T00:00:00Z');
    const parts = [];
    for (let i = 0; i < 4; i++) {
      parts.push(
        await buildArticle(t.services, {
          headline: `Storm day ${i + 1}`,
          story: 'the-storm',
          published: new Date(base + i * 86_400_000),
        }),
      );
    }
    const page = await t.services.articles.getArticlePage(parts[1]?.slug as string);
    assert.ok(page.kind === 'found' && page.article.story);
    if (page.kind !== 'found' || !page.article.story) return;
    assert.deepEqual(
      page.article.story.earlier.map((c) => c.headline),
      ['Storm day 1'],
    );
    assert.deepEqual(
      page.article.story.later.map((c) => c.headline),
      ['Storm day 3', 'Storm day 4'],
    );
  });
});

eachDialect('deep section pages', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('pages read from anchors match pages counted from the top, and follow new stories', async () => {
    const { ArticlesService } = await import('./articles.service.js');
    const s = t.services;
    const anchored = new ArticlesService({
      db: s.db,
      taxonomy: s.taxonomy,
      settings: s.settings,
      media: s.media,
      related: s.related,
      clock: s.clock,
      purge: () => {},
      anchorEvery: 4,
    });
    const section = await buildSection(s, 'deep');
    const base = Date.parse('2026-03-01T00:00:00Z');
    // Two stories share a timestamp: the id breaks the tie, as in the index.
    for (let i = 0; i < 23; i++) {
      await buildArticle(s, {
        headline: `Deep ${i}`,
        section: 'deep',
        published: new Date(base + Math.floor(i / 2) * 60_000),
      });
    }
    const pages = async (svc: typeof s.articles) => {
      const out: number[][] = [];
      for (let page = 1; page <= 9; page++) {
        out.push((await svc.listLatest({ page, pageSize: 3, sectionId: section.id })).items.map((c) => c.id));
      }
      return out;
    };
    const expected = await pages(s.articles);
    assert.deepEqual(expected.flat().length, 23);
    assert.deepEqual(await pages(anchored), expected);
    await buildArticle(s, { headline: 'Newest', section: 'deep', published: new Date(base + 3_600_000) });
    anchored.forgetListings([`section:${section.id}`]);
    const shifted = await pages(anchored);
    assert.equal(shifted[0]?.length, 3);
    assert.deepEqual(shifted, await pages(s.articles));
    assert.deepEqual((await anchored.listLatest({ page: 40, pageSize: 3, sectionId: section.id })).items, []);
  });
});
