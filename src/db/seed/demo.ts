import { marked } from 'marked';
import sharp from 'sharp';
import type { Services } from '../../app.js';
import { creditLineFor } from '../../articles/articles.service.js';
import { htmlToBody, walk } from '../../articles/body/body.render.js';
import type { BodyDoc } from '../../articles/body/body.schema.js';
import { articlesA } from './demo/articles-a.js';
import { articlesB } from './demo/articles-b.js';
import { articlesC } from './demo/articles-c.js';
import { authors, images, sections, siteDefaults, stories, tags } from './demo/catalog.js';
import type { DemoArticle, ImageKey } from './demo/types.js';
import { seedWireDesk } from './demo/wire.js';

export const demoArticles: DemoArticle[] = [...articlesA, ...articlesB, ...articlesC];

/** Demo body markdown to a body document; "[[read-more: slug]]" lines become cards. */
export function demoBody(markdown: string): BodyDoc {
  const withCards = markdown.replace(
    /^\[\[read-more:[ \t]*([a-z0-9-]+)[ \t]*\]\][ \t]*$/gm,
    (_m, slug: string) => `\n<aside data-read-more data-slug="${slug}"></aside>\n`,
  );
  return htmlToBody(marked.parse(withCards, { async: false }));
}

/** A simple illustration drawn for each demo image: shapes and colours, no photograph. */
export function illustration(key: string, palette: [string, string, string]): string {
  const [dark, mid, light] = palette;
  let seed = [...key].reduce((n, c) => (n * 31 + c.charCodeAt(0)) >>> 0, 7);
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const shapes: string[] = [];
  for (let i = 0; i < 9; i++) {
    const x = Math.round(rand() * 1600);
    const w = Math.round(80 + rand() * 260);
    const h = Math.round(120 + rand() * 420);
    shapes.push(
      `<rect x="${x}" y="${900 - h - 180}" width="${w}" height="${h}" fill="${dark}" opacity="${(0.45 + rand() * 0.5).toFixed(2)}"/>`,
    );
  }
  const sunX = Math.round(300 + rand() * 1000);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${light}"/></linearGradient></defs>
<rect width="1600" height="900" fill="url(#sky)"/>
<circle cx="${sunX}" cy="260" r="110" fill="${light}" opacity="0.85"/>
${shapes.join('\n')}
<path d="M0 720 Q 400 660 800 720 T 1600 720 V 900 H 0 Z" fill="${dark}"/>
<path d="M0 780 Q 400 740 800 780 T 1600 780 V 900 H 0 Z" fill="${mid}" opacity="0.6"/>
</svg>`;
}

/** Loads the demo newsroom of Calder Bay into an empty database. */
export async function seedDemoIfEmpty(services: Services): Promise<boolean> {
  const existing = await services.db.kysely.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing || services.taxonomy.allSections().length > 0) return false;
  await seedDemo(services);
  return true;
}

export async function seedDemo(services: Services): Promise<void> {
  const { settings, taxonomy, media, articles, clock } = services;
  await settings.update({
    siteName: siteDefaults.name,
    tagline: siteDefaults.tagline,
    deskName: siteDefaults.deskName,
  });
  for (const [position, s] of sections.entries()) await taxonomy.createSection({ ...s, position });
  const sectionIds = new Map(taxonomy.allSections().map((s) => [s.slug, s.id]));
  const authorIds = new Map<string, number>();
  for (const a of authors) {
    const row = await taxonomy.createAuthor({ slug: a.slug, name: a.name, title: a.title, bio: a.bio, kind: a.kind });
    authorIds.set(a.slug, row.id);
  }
  const tagIds = new Map<string, number>();
  for (const t of tags) tagIds.set(t.slug, (await taxonomy.createTag(t)).id);
  const storyIds = new Map<string, number>();
  for (const s of stories) storyIds.set(s.slug, (await taxonomy.createStory(s)).id);

  const imageIds = new Map<ImageKey, number>();
  const entries = Object.entries(images) as [ImageKey, (typeof images)[ImageKey]][];
  // Two at a time: sharp works in the thread pool, the machine has few cores.
  for (let i = 0; i < entries.length; i += 2) {
    await Promise.all(
      entries.slice(i, i + 2).map(async ([key, image]) => {
        const png = await sharp(Buffer.from(illustration(key, image.palette)))
          .png()
          .toBuffer();
        const row = await media.createImage(png, {
          originalName: `${key}.png`,
          alt: image.alt,
          caption: image.caption,
          credit: image.credit,
          storageKey: `demo/${key}`,
        });
        imageIds.set(key, row.id);
      }),
    );
  }

  // The agencies, the copy behind the wire articles below, and what waits in the Wire inbox.
  const carried = await seedWireDesk(services, {
    sectionIds,
    articles: demoArticles,
    toHtml: (markdown) => marked.parse(markdown, { async: false }),
  });

  const now = clock.now().getTime();
  const deskName = settings.get().deskName;
  const ids = new Map<string, number>();
  let featuredSlot = 1;
  for (const a of demoArticles) {
    const sectionId = sectionIds.get(a.section);
    if (!sectionId) throw new Error(`demo article ${a.slug}: unknown section ${a.section}`);
    const item = carried.get(a.slug);
    // Wire copy carries its provenance, as if the desk had adopted it; its credit line follows from that.
    const ctx = item ? { alsoWrite: await services.wireDesk.provenanceFor([item], null) } : {};
    const row = await articles.createArticle(
      {
        slug: a.slug,
        headline: a.headline,
        standfirst: a.standfirst,
        body: demoBody(a.body),
        kind: a.kind,
        sectionId,
        authorIds: a.authors.map((slug) => authorIds.get(slug)).filter((id): id is number => id !== undefined),
        tagIds: a.tags.map((slug) => tagIds.get(slug)).filter((id): id is number => id !== undefined),
        featureImageId: a.image ? (imageIds.get(a.image) ?? null) : null,
        storyId: a.story ? (storyIds.get(a.story) ?? null) : null,
        isBreaking: a.breaking ?? false,
        frontPageSlot: a.pin === 'top' ? 0 : a.pin === 'featured' ? featuredSlot++ : null,
        ...(a.wire
          ? {
              wireSource: a.wire.source,
              wireSourceUrl: a.wire.originalUrl,
              creditLine: creditLineFor([a.wire.source], deskName, a.wire.additionalInput),
            }
          : {}),
      },
      ctx,
    );
    ids.set(a.slug, row.id);
  }

  // Oldest first, so each story's related box and thread fill in as the news would have.
  const byAge = [...demoArticles].sort((x, y) => y.hoursAgo - x.hoursAgo);
  for (const a of byAge) {
    await articles.publishArticle(ids.get(a.slug) as number, new Date(now - a.hoursAgo * 3_600_000));
  }

  // Now every target exists and is published: point the "Read more" cards at them.
  for (const a of demoArticles) {
    const body = demoBody(a.body);
    let linked = false;
    walk(body, (node) => {
      if (node.type === 'readMore' && typeof node.attrs?.slug === 'string') {
        const target = ids.get(node.attrs.slug);
        if (target !== undefined) {
          node.attrs.articleId = target;
          linked = true;
        }
      }
    });
    if (linked) await articles.updateArticle(ids.get(a.slug) as number, { body });
  }

  for (const a of demoArticles) {
    for (const note of a.notes ?? []) {
      const at = new Date(now - (a.hoursAgo - note.hoursAfterPublication) * 3_600_000);
      await articles.addNote(ids.get(a.slug) as number, { kind: note.kind, body: note.text, at });
    }
  }

  // With the whole archive in place, settle every related box once more.
  for (const id of ids.values()) await services.related.refresh(id, false);
  services.purgeBus.purgeAll();
}
