import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { articleIncludes, articleOrders, filterNames, pageLimits } from './content.params.js';

/**
 * The Content API's shapes, for its OpenAPI document and fast serialization. Every field is
 * optional because `fields` may ask for any subset; parameters are plain strings, checked
 * by hand (content.params.ts) so that a mistake is answered with a message naming it.
 */

const text = (description?: string) => Type.String(description ? { description } : {});
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const optional = <T extends Record<string, TSchema>>(props: T) =>
  Type.Object(
    Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Type.Optional(v)])) as {
      [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>>;
    },
  );

const SectionRef = Type.Object({ id: Type.Integer(), slug: text(), name: text(), url: text() });
const AuthorRef = Type.Object({
  id: Type.Integer(),
  slug: text(),
  name: text(),
  title: text(),
  bio: text(),
  kind: text(),
  url: text(),
});
const TagRef = Type.Object({ id: Type.Integer(), slug: text(), name: text(), url: text() });

export const ArticleJson = optional({
  id: Type.Integer(),
  slug: text(),
  url: text('The article’s absolute address on the site.'),
  headline: text(),
  standfirst: text(),
  kind: text('news, analysis, opinion, explainer, …'),
  body_html: text('The body as HTML, as the site shows it.'),
  feature_image: nullable(
    Type.Object({
      url: text(),
      width: Type.Integer(),
      height: Type.Integer(),
      alt: text(),
      caption: text(),
      credit: text(),
    }),
  ),
  published_at: nullable(text('When it was (last) published, ISO 8601 UTC.')),
  first_published_at: nullable(text()),
  updated_at: text('The last change to anything the article shows, ISO 8601 UTC.'),
  section: SectionRef,
  authors: Type.Array(AuthorRef),
  tags: Type.Array(TagRef),
  credit_line: nullable(text('For wire copy: "Agency with additional input by Desk".')),
  wire_source: nullable(text()),
  wire_source_url: nullable(text()),
  wire_sources: Type.Array(
    Type.Object({
      name: text('The agency as credited.'),
      url: nullable(text('The original report on the agency’s site.')),
      copyright_notice: nullable(text()),
    }),
    { description: 'For copy the wire desk adopted: the agencies it is based on, in order (the JSON-LD isBasedOn).' },
  ),
  canonical_url: nullable(text()),
  story: nullable(Type.Object({ id: Type.Integer(), slug: text(), title: text(), url: text() })),
  notes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: text('correction, update or clarification'),
      body: text(),
      created_at: text(),
    }),
  ),
});

export const SectionJson = optional({
  id: Type.Integer(),
  slug: text(),
  name: text(),
  description: text(),
  url: text(),
});
export const TagJson = SectionJson;
export const AuthorJson = optional({
  id: Type.Integer(),
  slug: text(),
  name: text(),
  title: text(),
  bio: text(),
  kind: text(),
  url: text(),
});
export const StoryJson = optional({
  id: Type.Integer(),
  slug: text(),
  title: text(),
  description: text(),
  status: text('developing or concluded'),
  url: text(),
});

const Pagination = Type.Object({
  pagination: Type.Object({
    page: Type.Integer(),
    limit: Type.Integer(),
    pages: Type.Integer(),
    total: Type.Integer(),
    next: nullable(Type.Integer()),
    prev: nullable(Type.Integer()),
  }),
});

/** `{ [resource]: [...], meta: { pagination } }`; a single read has the same array of one, without meta. */
export const envelope = (resource: string, item: TSchema, paged: boolean): TSchema =>
  Type.Object({ [resource]: Type.Array(item), ...(paged ? { meta: Pagination } : {}) });

const keyParam = text('The content key (or send it in the x-content-key header).');

export const ListQuery = (forArticles: boolean) =>
  Type.Object({
    key: Type.Optional(keyParam),
    fields: Type.Optional(text('Comma list of top-level fields to return.')),
    limit: Type.Optional(text(`1 to ${pageLimits.max}; default ${pageLimits.default}.`)),
    page: Type.Optional(text('From 1.')),
    ...(forArticles
      ? {
          filter: Type.Optional(
            text(
              `Terms name:value joined with + (AND): ${filterNames.join(', ')} (featured:true only). ` +
                'Supported: one of section, tag, author, story or featured:true, or featured:true with section.',
            ),
          ),
          include: Type.Optional(text(`Comma list of: ${articleIncludes.join(', ')}.`)),
          order: Type.Optional(text(`One of: ${articleOrders.join('; ')}.`)),
        }
      : {}),
  });

export const ReadQuery = (forArticles: boolean) =>
  Type.Object({
    key: Type.Optional(keyParam),
    fields: Type.Optional(text('Comma list of top-level fields to return.')),
    ...(forArticles ? { include: Type.Optional(text(`Comma list of: ${articleIncludes.join(', ')}.`)) } : {}),
  });

export const IdParams = Type.Object({ id: text('A whole number.') });
export const SlugParams = Type.Object({ slug: text() });
