import { parseArgs } from 'node:util';
import type { Insertable, Kysely } from 'kysely';
import sharp from 'sharp';
import { closeServices, createServices, type Services } from '../../app.js';
import { creditLineFor } from '../../articles/articles.service.js';
import type { ArticlesTable } from '../../articles/articles.table.js';
import { bodyText, renderBody } from '../../articles/body/body.render.js';
import type { BodyDoc } from '../../articles/body/body.schema.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../schema.js';
import { images, sections } from './demo/catalog.js';
import { demoArticles, demoBody, illustration } from './demo.js';

/**
 * A large archive for benchmarks: `npm run seed:large -- --articles 100000`.
 *
 * Rows are written in bulk rather than through the articles service (which would take
 * minutes per thousand with body rendering and related-story indexing). Bodies come from
 * the demo articles rendered once as templates; related stories are assigned among
 * articles of the same template (same subject), as the engine would find them. The
 * related-term index is not built: the reader's path never reads it.
 */

const firstNames = [
  'Ada',
  'Bram',
  'Cleo',
  'Dario',
  'Edie',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Juno',
  'Kofi',
  'Lena',
  'Milo',
  'Nia',
  'Oskar',
  'Pia',
  'Quinn',
  'Rafa',
  'Sana',
  'Teo',
];
const lastNames = [
  'Abernathy',
  'Brightwater',
  'Castell',
  'Dunmore',
  'Eskildsen',
  'Fairweather',
  'Galloway',
  'Holt',
  'Iversen',
  'Jarrow',
];
const subjects = [
  'harbour',
  'council',
  'ferry',
  'budget',
  'school',
  'market',
  'bridge',
  'clinic',
  'stadium',
  'library',
  'port',
  'tram',
  'festival',
  'wind farm',
  'housing estate',
  'university',
  'court',
  'museum',
  'railway',
  'park',
];
const verbs = [
  'plans',
  'delays',
  'approves',
  'reviews',
  'expands',
  'closes',
  'reopens',
  'funds',
  'questions',
  'celebrates',
];
const places = [
  'Saltgate',
  'Fennick',
  'Brackwater',
  'Harrowgate',
  'Ashby Cross',
  'the north shore',
  'the east quay',
  'Eastmarch',
  'Wyndham',
  'Marrow Point',
];

interface Template {
  doc: BodyDoc;
  html: string;
  text: string;
  words: number;
}

const headlinePlaceholder = '\u0001HEADLINE\u0001';
const hrefPlaceholder = '/__READ_MORE__';

function templates(): Template[] {
  return demoArticles.map((a) => {
    const full = demoBody(a.body);
    const blocks = (full.content ?? []).slice(0, 9);
    if (!blocks.some((b) => b.type === 'readMore')) blocks.splice(3, 0, { type: 'readMore', attrs: { articleId: -1 } });
    for (const b of blocks) if (b.type === 'readMore') b.attrs = { ...b.attrs, articleId: -1 };
    const doc: BodyDoc = { type: 'doc', content: blocks };
    const rendered = renderBody(doc, new Map([[-1, { headline: headlinePlaceholder, href: hrefPlaceholder }]]));
    return { doc, html: rendered.html, text: bodyText(doc), words: rendered.wordCount };
  });
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function pad(n: number) {
  return String(n).padStart(2, '0');
}

export async function seedLarge(services: Services, options: { articles: number; log?: (line: string) => void }) {
  const k: Kysely<Database> = services.db.kysely;
  const log = options.log ?? (() => {});
  const existing = await k.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing)
    throw new Error(
      'The database already has articles; seed:large needs an empty one (set DATABASE_URL to a new file).',
    );
  const started = Date.now();
  const now = services.clock.now().getTime();
  const tz = services.settings.get().timeZone;
  await services.settings.update({
    siteName: 'The Calder Bay Courier',
    tagline: 'A large archive for benchmarks',
    deskName: 'Courier News Desk',
  });
  for (const [position, s] of sections.entries()) await services.taxonomy.createSection({ ...s, position });
  const sectionIds = services.taxonomy.allSections().map((s) => s.id);

  const authorIds: number[] = [];
  for (let i = 0; i < 40; i++) {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / 4) % lastNames.length]}`;
    const row = await services.taxonomy.createAuthor({
      slug: `reporter-${i + 1}`,
      name,
      title: 'Reporter',
      bio: `${name} reports for the Courier.`,
    });
    authorIds.push(row.id);
  }
  const tagIds: number[] = [];
  for (let i = 0; i < 300; i++) {
    tagIds.push((await services.taxonomy.createTag({ slug: `topic-${i + 1}`, name: `Topic ${i + 1}` })).id);
  }
  const storyCount = Math.max(1, Math.floor(options.articles / 500));
  const storyIds: number[] = [];
  for (let i = 0; i < storyCount; i++) {
    storyIds.push(
      (await services.taxonomy.createStory({ slug: `developing-story-${i + 1}`, title: `Developing story ${i + 1}` }))
        .id,
    );
  }
  const imageIds: number[] = [];
  for (const [key, image] of Object.entries(images)) {
    const png = await sharp(Buffer.from(illustration(key, image.palette)))
      .png()
      .toBuffer();
    const row = await services.media.createImage(png, {
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
      storageKey: `large/${key}`,
    });
    imageIds.push(row.id);
  }
  log(`taxonomy and images ready in ${Date.now() - started} ms`);

  const tpl = templates();
  const bodies = tpl.map((t) => JSON.stringify(t.doc));
  // Oldest first, one every few minutes back over the archive; ids then rise with time.
  const span = 10 * 365 * 86_400_000;
  const step = Math.max(60_000, Math.floor(span / options.articles));
  const headlineOf = (i: number) => {
    const subject = subjects[i % subjects.length] as string;
    return `${subject[0]?.toUpperCase()}${subject.slice(1)} ${verbs[(i >> 3) % verbs.length]} changes in ${places[(i >> 5) % places.length]} (${i + 1})`;
  };
  const slugOf = (i: number) => `archive-story-${i + 1}`;
  const sectionOf = (i: number) =>
    (i % 5 < 2 ? sectionIds[0] : sectionIds[1 + (i % (sectionIds.length - 1))]) as number;
  const timeOf = (i: number) => new Date(now - (options.articles - i) * step).toISOString();
  const pathOf = (i: number) => {
    const section = services.taxonomy.sectionById(sectionOf(i));
    const d = new Date(timeOf(i));
    const local = new Date(d.toLocaleString('en-US', { timeZone: tz }));
    return `/${section?.slug}/${local.getFullYear()}/${pad(local.getMonth() + 1)}/${pad(local.getDate())}/${slugOf(i)}`;
  };

  const batch = 400;
  for (let from = 0; from < options.articles; from += batch) {
    const to = Math.min(options.articles, from + batch);
    const rows: Insertable<ArticlesTable>[] = [];
    for (let i = from; i < to; i++) {
      const t = tpl[i % tpl.length] as Template;
      const target = Math.max(0, i - tpl.length);
      const wire = i % 20 === 7;
      const body = (bodies[i % tpl.length] as string).replaceAll('"articleId":-1', `"articleId":${target + 1}`);
      rows.push({
        slug: slugOf(i),
        headline: headlineOf(i),
        standfirst: `What the ${subjects[i % subjects.length]} decision means for ${places[(i >> 5) % places.length]}, and what happens next.`,
        body,
        body_html: t.html
          .replaceAll(hrefPlaceholder, pathOf(target))
          .replaceAll(headlinePlaceholder, escapeHtml(headlineOf(target))),
        body_text: t.text,
        word_count: t.words,
        kind: (i % 9 === 0 ? 'analysis' : i % 13 === 0 ? 'opinion' : 'news') as 'news' | 'analysis' | 'opinion',
        section_id: sectionOf(i),
        feature_image_id: i % 4 === 3 ? null : (imageIds[i % imageIds.length] as number),
        feature_image_caption: null,
        status: 'published' as const,
        first_published_at: timeOf(i),
        published_at: timeOf(i),
        updated_at: i % 11 === 0 ? new Date(Date.parse(timeOf(i)) + 3_600_000).toISOString() : null,
        scheduled_at: null,
        created_at: timeOf(i),
        modified_at: timeOf(i),
        credit_line: wire ? creditLineFor(['Meridian Press Agency'], 'Courier News Desk', i % 40 === 7) : null,
        wire_source: wire ? 'Meridian Press Agency' : null,
        wire_source_url: wire ? `https://example.org/wire/${i}` : null,
        canonical_url: null,
        is_breaking: i === options.articles - 1 ? 1 : 0,
        breaking_until: null,
        front_page_slot: i >= options.articles - 5 ? options.articles - 1 - i : null,
        story_id: i % 50 === 0 ? (storyIds[Math.floor(i / 500) % storyIds.length] as number) : null,
        comments_mode: 'open' as const,
        seo_title: null,
        seo_description: null,
        language: 'en',
        robots: null,
      });
    }
    await k.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('articles').values(rows).returning(['id']).execute();
      const firstId = inserted[0]?.id as number;
      const authorsRows = [];
      const tagRows = [];
      for (let i = from; i < to; i++) {
        const id = firstId + (i - from);
        const at = timeOf(i);
        if (i % 20 !== 7) {
          authorsRows.push({
            article_id: id,
            author_id: authorIds[i % authorIds.length] as number,
            position: 0,
            listed_at: at,
          });
          if (i % 6 === 0)
            authorsRows.push({
              article_id: id,
              author_id: authorIds[(i + 17) % authorIds.length] as number,
              position: 1,
              listed_at: at,
            });
        }
        // A few large tags and a long tail, as real archives have.
        const tags = new Set([
          tagIds[i % 10] as number,
          tagIds[10 + (i % 90)] as number,
          tagIds[100 + ((i * 7) % 200)] as number,
        ]);
        let position = 0;
        for (const tag of tags) tagRows.push({ article_id: id, tag_id: tag, position: position++, listed_at: at });
      }
      if (authorsRows.length) await trx.insertInto('article_authors').values(authorsRows).execute();
      await trx.insertInto('article_tags').values(tagRows).execute();
    });
    if ((to / batch) % 25 === 0 || to === options.articles)
      log(`${to} articles written (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // Related stories: the same template nearby in time, the same subject as the engine
  // would pair them; written once every article exists.
  await k.transaction().execute(async (trx) => {
    const total = options.articles;
    const first = (
      await trx
        .selectFrom('articles')
        .select((eb) => eb.fn.min('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m as number;
    // 1,000 articles a statement: six rows of four values each stays under SQLite's 32,766 variables.
    for (let from = 0; from < total; from += 1000) {
      const rows: { article_id: number; related_id: number; rank: number; score: number }[] = [];
      for (let i = from; i < Math.min(total, from + 1000); i++) {
        let rank = 0;
        for (const offset of [-1, 1, -2, 2, -3, 3]) {
          const j = i + offset * tpl.length;
          if (j < 0 || j >= total) continue;
          rows.push({ article_id: first + i, related_id: first + j, rank: rank++, score: 1 / (1 + Math.abs(offset)) });
        }
      }
      if (rows.length) await trx.insertInto('article_related').values(rows).execute();
    }
  });
  // The search index in one pass inside the database, as the migration would for an existing archive.
  const indexing = Date.now();
  await services.search.rebuildIndex();
  log(`search index built in ${Math.round((Date.now() - indexing) / 1000)} s`);
  log(`done: ${options.articles} articles in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function main() {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' } } });
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    console.error('--articles must be a whole number from 1 to 5,000,000');
    process.exit(2);
  }
  const config = loadConfig();
  const services = await createServices(config);
  try {
    await seedLarge(services, { articles: count, log: (line) => console.log(line) });
  } finally {
    await closeServices(services);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
