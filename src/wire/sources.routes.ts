import { Type } from '@fastify/type-provider-typebox';
import type { AdminApp } from '../newsroom/admin.plugin.js';
import type { WireIngest, WireItem } from './ingest/ingest.service.js';
import { defaultEditedCreditTemplate, sourceLimits as limits, type WireSource } from './ingest/sources.service.js';
import { indexPolicies, wireFormats } from './wire.table.js';

// One enum, so a wrong value is one field error rather than one per allowed value.
const oneOf = <T extends string>(values: readonly T[], description: string) => Type.Enum([...values], { description });

const sourceFields = {
  name: Type.String({
    minLength: 1,
    maxLength: limits.name,
    description: 'The agency as credited: "Harbour Press Agency".',
  }),
  url: Type.String({ minLength: 1, maxLength: limits.url, description: "The feed's address (http or https)." }),
  format: oneOf(wireFormats, 'How to read the feed; auto detects RSS, Atom, JSON Feed or ninjs.'),
  pollMinutes: Type.Integer({
    minimum: limits.minPoll,
    maximum: limits.maxPoll,
    description: 'Minutes between polls.',
  }),
  creditTemplate: Type.String({
    maxLength: limits.template,
    description: 'Credit for copy published as received; must contain {source}. Default "{source}".',
  }),
  editedCreditTemplate: Type.String({
    maxLength: limits.template,
    description: `Credit once the desk changed the copy; must contain {desk}. Default "${defaultEditedCreditTemplate}".`,
  }),
  defaultSectionId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'Section an adopted draft is filed in, unless the desk chooses another.',
  }),
  usageTerms: Type.String({ maxLength: limits.terms, description: "The agency's terms of use, shown to the desk." }),
  copyrightNotice: Type.String({ maxLength: limits.terms }),
  indexPolicy: oneOf(
    indexPolicies,
    'What search engines may do with copy published as received: index, keep out of Google News, or noindex.',
  ),
  enabled: Type.Boolean({ description: 'A disabled source is not polled; its items stay.' }),
};

type Fields = typeof sourceFields;
const optional = Object.fromEntries(Object.entries(sourceFields).map(([k, v]) => [k, Type.Optional(v)])) as {
  [K in keyof Fields]: ReturnType<typeof Type.Optional<Fields[K]>>;
};
const closed = { additionalProperties: false } as const;
const SourceCreate = Type.Object({ ...optional, name: sourceFields.name, url: sourceFields.url }, closed);
const SourcePatch = Type.Object(optional, closed);
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const FromUrl = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: limits.url, description: "A web article's address." }) },
  closed,
);

export function presentSource(source: WireSource) {
  return {
    id: source.id,
    name: source.name,
    url: source.url,
    format: source.format,
    pollMinutes: source.poll_minutes,
    creditTemplate: source.credit_template,
    editedCreditTemplate: source.edited_credit_template,
    defaultSectionId: source.default_section_id,
    usageTerms: source.usage_terms,
    copyrightNotice: source.copyright_notice,
    indexPolicy: source.index_policy,
    enabled: source.enabled === 1,
    lastPolledAt: source.last_polled_at,
    lastSuccessAt: source.last_success_at,
    lastError: source.last_error,
    lastErrorAt: source.last_error_at,
    failures: source.failures,
    nextPollAt: source.next_poll_at,
    itemCount: source.itemCount,
    createdAt: source.created_at,
    updatedAt: source.updated_at,
  };
}

/** An item as the Admin API shows it; the agency's note to editors is included (staff only). */
export function presentWireItem(item: WireItem) {
  return item;
}

const tags = ['wire'];
const desk = { access: 'wire.desk' } as const;
const manage = { access: 'wire.manage' } as const;

/** Wire sources and "Add from URL" in the Admin API: thin handlers over the ingest service. */
export function registerWireSourceRoutes(app: AdminApp, deps: { wire: WireIngest }) {
  const { wire } = deps;

  app.get('/wire/sources', { config: desk, schema: { tags, summary: 'Every wire source, by name' } }, async () => {
    const items = (await wire.sources.list()).map(presentSource);
    return { items, total: items.length };
  });
  app.get(
    '/wire/sources/:id',
    { config: desk, schema: { tags, summary: 'One wire source', params: Id } },
    async (request) => presentSource(await wire.sources.get(request.params.id)),
  );
  app.post(
    '/wire/sources',
    { config: manage, schema: { tags, summary: 'Add a wire source (polled at once)', body: SourceCreate } },
    async (request, reply) => reply.code(201).send(presentSource(await wire.sources.create(request.body))),
  );
  app.patch(
    '/wire/sources/:id',
    { config: manage, schema: { tags, summary: 'Change a wire source', params: Id, body: SourcePatch } },
    async (request) => presentSource(await wire.sources.update(request.params.id, request.body)),
  );
  app.delete(
    '/wire/sources/:id',
    {
      config: manage,
      schema: { tags, summary: 'Delete a source and its items (409 once an article carries any of them)', params: Id },
    },
    async (request, reply) => {
      await wire.sources.delete(request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/wire/sources/:id/poll',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Poll a source now',
        description: 'Answers with the outcome: items new, updated, unchanged or duplicated, or the error.',
        params: Id,
      },
    },
    async (request) => {
      const outcome = await wire.pollSource(request.params.id);
      return { outcome, source: presentSource(await wire.sources.get(request.params.id)) };
    },
  );

  app.post(
    '/wire/items/from-url',
    {
      config: desk,
      schema: {
        tags,
        summary: "Add a web article's page to the wire inbox",
        description:
          'The page is fetched and its article extracted (Mozilla Readability). 201 with the new item; 200 with the ' +
          'existing one when the address is known; 422 when no article can be found.',
        body: FromUrl,
      },
    },
    async (request, reply) => {
      const { item, created } = await wire.addFromUrl(request.body.url);
      return reply.code(created ? 201 : 200).send(presentWireItem(item));
    },
  );
}
