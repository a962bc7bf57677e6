import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { walk } from '../../articles/body/body.render.js';
import { demoArticles, demoBody } from './demo.js';

test('demo articles are real length, with sub-headings and "Read more" cards that resolve', () => {
  const slugs = new Set(demoArticles.map((a) => a.slug));
  assert.equal(slugs.size, demoArticles.length, 'slugs are unique');
  assert.ok(demoArticles.length >= 40);
  for (const a of demoArticles) {
    const doc = demoBody(a.body);
    let headings = 0;
    const cards: string[] = [];
    walk(doc, (node) => {
      if (node.type === 'heading') headings++;
      if (node.type === 'readMore') cards.push(String(node.attrs?.slug));
    });
    assert.ok(headings >= 2, `${a.slug} has sub-headings`);
    assert.ok(cards.length >= 1, `${a.slug} has a "Read more" card`);
    for (const c of cards) assert.ok(slugs.has(c), `${a.slug} links ${c}, which exists`);
    assert.ok(a.body.split(/\s+/).length >= 300, `${a.slug} is real length`);
  }
});

eachDialect('demo newsroom', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { seedDemo: true });
  });
  after(() => t.close());

  const count = async (table: 'sections' | 'authors' | 'tags' | 'images', where?: string) => {
    const row = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)} ${where ? sql.raw(where) : sql``}`.execute(t.services.db.kysely);
    return Number(row.rows[0]?.n);
  };

  test('has the sections, authors, tags and generated images the issue asks for', async () => {
    assert.ok((await count('sections')) >= 6);
    assert.ok((await count('authors')) >= 4);
    assert.ok((await count('tags')) >= 10);
    assert.ok((await count('images')) >= 10);
    const published = await t.services.db.kysely
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    assert.ok(Number(published.n) >= 40);
  });

  test('credits wire copy, threads a developing story, carries a correction', async () => {
    const k = t.services.db.kysely;
    const credited = await k
      .selectFrom('articles')
      .select('credit_line')
      .where('credit_line', 'like', '% with additional input by %')
      .execute();
    assert.ok(credited.length >= 1);
    assert.match(
      credited[0]?.credit_line ?? '',
      /^(Meridian Press Agency|Northline Wire) with additional input by Courier News Desk$/,
    );
    const thread = await k
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('story_id', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.ok(Number(thread.n) >= 4);
    const corrections = await k.selectFrom('article_notes').select('id').where('kind', '=', 'correction').execute();
    assert.ok(corrections.length >= 1);
  });

  test('the Wire inbox has agency copy to work on, and the wire articles carry their provenance', async () => {
    const { wireDesk, wireIngest } = t.services;
    const sources = await wireIngest.sources.list();
    assert.ok(sources.length >= 3);
    assert.ok(
      sources.every((s) => s.enabled === 0),
      'demo sources have made-up addresses: never polled',
    );

    const { items } = await wireDesk.listInbox({ status: 'new', limit: 100 });
    assert.ok(items.length >= 4, 'items wait in the inbox');
    assert.ok(
      items.some((i) => i.embargoUntil !== null && Date.parse(i.embargoUntil) > Date.now()),
      'one is embargoed',
    );
    assert.ok(
      items.some((i) => i.version === 2),
      'one was updated by its agency',
    );
    const agenciesOf = (clusterId: number | null) =>
      new Set(items.filter((i) => i.clusterId === clusterId).map((i) => i.source.name)).size;
    assert.ok(
      items.some((i) => i.clusterSize >= 2 && agenciesOf(i.clusterId) >= 2),
      'two agencies tell one story, grouped',
    );

    const wire = await t.services.db.kysely
      .selectFrom('articles')
      .select(['id', 'wire_source', 'credit_line', 'wire_relationship'])
      .where('wire_source', 'is not', null)
      .execute();
    assert.ok(wire.length >= 4);
    for (const article of wire) {
      const provenance = await wireDesk.provenanceOf(article.id);
      assert.equal(provenance.sources.length, 1, `article ${article.id} carries its agency item`);
      assert.equal(provenance.sources[0]?.source.name, article.wire_source);
      const expected =
        article.wire_relationship === 'verbatim'
          ? article.wire_source
          : `${article.wire_source} with additional input by Courier News Desk`;
      assert.equal(article.credit_line, expected, `article ${article.id}: the credit follows what the desk did`);
    }
    assert.ok(
      wire.some((a) => a.wire_relationship === 'verbatim') && wire.some((a) => a.wire_relationship === 'edited'),
      'copy run as received and copy the desk added to',
    );
  });

  test('every article has related stories and its cards point at published stories', async () => {
    const k = t.services.db.kysely;
    const articles = await k
      .selectFrom('articles')
      .select(['id', 'body_html'])
      .where('status', '=', 'published')
      .execute();
    for (const a of articles) {
      const related = await t.services.related.storedIds(a.id);
      assert.ok(related.length >= 4, `article ${a.id} has related stories`);
      assert.doesNotMatch(a.body_html, /read-more--missing/, `article ${a.id} has no broken "Read more" card`);
    }
  });
});
