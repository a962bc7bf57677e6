import { Type } from '@fastify/type-provider-typebox';
import { articlePath } from '../articles/articles.paths.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { type AdminApp, actorOf } from '../newsroom/admin.plugin.js';
import { policy } from '../newsroom/newsroom.policy.js';
import type { StaffService } from '../newsroom/staff.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import {
  type CommentsService,
  type ModerationLogEntry,
  moderatorActions,
  type QueueItem,
  queueKinds,
} from './comments.service.js';
import { type CommentSettings, defaultCommentSettings } from './comments.settings.js';
import { listModerationLog, moderationLogActions, parseActor } from './moderation-log.js';

/** One of a list, as one enum: a wrong value is one field error, not one per choice. */
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Reason = Type.Optional(Type.String({ maxLength: 500 }));
const Decision = Type.Object({ action: literals(moderatorActions), reason: Reason }, { additionalProperties: false });
const BulkDecision = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200 }),
    action: literals(moderatorActions),
    reason: Reason,
  },
  { additionalProperties: false },
);
const Page = {
  after: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
};

/** The settings body: types here, ranges in the settings store (422 per field either way). */
const settingsBody = Type.Object(
  Object.fromEntries(
    Object.entries(defaultCommentSettings).map(([key, value]) => [
      key,
      Type.Optional(
        Array.isArray(value)
          ? Type.Array(Type.String({ maxLength: 100 }), { maxItems: 5000 })
          : typeof value === 'boolean'
            ? Type.Boolean()
            : Type.Number(),
      ),
    ]),
  ),
  { additionalProperties: false },
);

export interface ModerationRouteDeps {
  comments: CommentsService;
  db: Db;
  staff: StaffService;
  taxonomy: TaxonomyService;
  settings: SettingsService;
}

/**
 * The newsroom's side of comments: the queues, decisions one by one or in bulk, replies as
 * staff, bans and premoderation of commenters, the moderation log and the comment settings.
 * Thin handlers over the comments service; every decision it makes is logged there.
 */
export function registerModerationRoutes(app: AdminApp, deps: ModerationRouteDeps) {
  const { comments } = deps;
  const db = deps.db.kysely;

  const requireComment = async (id: number) => {
    const comment = await comments.findComment(id);
    if (!comment) throw new AppError('not_found', 'We could not find that comment.');
    return comment;
  };

  /** The articles and commenter facts a queue row shows beside the comment, in two queries. */
  const presentQueue = async (items: QueueItem[]) => {
    if (items.length === 0) return [];
    const articleIds = [...new Set(items.map((i) => i.articleId))];
    const commenterIds = [...new Set(items.map((i) => i.commenter.id))];
    const [articles, commenters] = await Promise.all([
      db
        .selectFrom('articles')
        .select(['id', 'headline', 'status', 'section_id', 'first_published_at', 'slug'])
        .where('id', 'in', articleIds)
        .execute(),
      db
        .selectFrom('commenters')
        .select(['id', 'approved_count', 'always_premoderate', 'suspended_until'])
        .where('id', 'in', commenterIds)
        .execute(),
    ]);
    const timeZone = deps.settings.get().timeZone;
    const articleById = new Map(
      articles.map((a) => {
        const section = deps.taxonomy.sectionById(a.section_id);
        const url =
          a.status === 'published' && section
            ? articlePath(section.slug, a.first_published_at, a.slug, timeZone)
            : null;
        return [a.id, { id: a.id, headline: a.headline, url }];
      }),
    );
    const commenterById = new Map(commenters.map((c) => [c.id, c]));
    return items.map(({ commenter, reports, ...comment }) => {
      const extra = commenterById.get(commenter.id);
      return {
        comment,
        article: articleById.get(comment.articleId) ?? { id: comment.articleId, headline: '', url: null },
        commenter: {
          id: commenter.id,
          kind: commenter.kind,
          name: commenter.name,
          email: commenter.email,
          status: commenter.status,
          suspendedUntil: extra?.suspended_until ?? null,
          alwaysPremoderate: extra?.always_premoderate === 1,
          approvedCount: extra?.approved_count ?? 0,
        },
        decisionReason: comment.decisionReason,
        reports,
      };
    });
  };

  /** Log entries with the name of the person who decided; null staff is the system. */
  const presentLog = async (entries: ModerationLogEntry[]) => {
    const ids = [...new Set(entries.flatMap((e) => (e.staffId === null ? [] : [e.staffId])))];
    const names = new Map((await deps.staff.namesOf(ids)).map((s) => [s.id, s]));
    return entries.map((e) => ({
      ...e,
      staff: e.staffId === null ? null : (names.get(e.staffId) ?? { id: e.staffId, name: '' }),
    }));
  };

  app.get(
    '/comments',
    {
      config: { access: 'comments.moderate' },
      schema: {
        tags: ['comments'],
        summary: 'A moderation queue, a page at a time',
        querystring: Type.Object({ queue: Type.Optional(literals(queueKinds)), ...Page }),
      },
    },
    async (request) => {
      const { queue = 'pending', after, limit } = request.query;
      const page = await comments.queue({
        kind: queue,
        ...(after ? { after } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      return { items: await presentQueue(page.items), next: page.next };
    },
  );

  app.post(
    '/comments/:id/decisions',
    {
      config: { access: 'comments.moderate' },
      schema: { tags: ['comments'], summary: 'Approve, reject, mark spam, feature', params: Id, body: Decision },
    },
    async (request) => {
      const actor = actorOf(request);
      const { action, reason } = request.body;
      return comments.moderate(request.params.id, action, actor.id, reason);
    },
  );

  app.post(
    '/comments/decisions',
    {
      config: { access: 'comments.moderate' },
      schema: { tags: ['comments'], summary: 'One decision on many comments; a result per id', body: BulkDecision },
    },
    async (request) => {
      const actor = actorOf(request);
      const { ids, action, reason } = request.body;
      const results = [];
      for (const id of [...new Set(ids)]) {
        try {
          results.push({ id, ok: true, comment: await comments.moderate(id, action, actor.id, reason) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ id, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      return { results };
    },
  );

  app.post(
    '/comments/:id/replies',
    {
      config: { access: 'comments.moderate' },
      schema: {
        tags: ['comments'],
        summary: 'Reply as staff (the reply wears the staff badge)',
        params: Id,
        body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const parent = await requireComment(request.params.id);
      if (!request.body.body.trim()) {
        throw new AppError('validation_failed', 'Write a reply first.', {
          fields: [{ field: 'body', message: 'Write a reply first.' }],
        });
      }
      const stored = await comments.submitComment({
        articleId: parent.articleId,
        parentId: parent.id,
        commenter: {
          kind: 'staff',
          name: actor.name,
          email: request.session?.staff.email ?? null,
          staffId: actor.id,
        },
        body: request.body.body,
        ip: request.ip,
      });
      reply.code(201);
      return stored;
    },
  );

  app.get(
    '/commenters/:id',
    {
      config: { access: 'comments.moderate' },
      schema: { tags: ['comments'], summary: "A commenter's profile, counts, comments and log", params: Id },
    },
    async (request) => {
      const history = await comments.commenterHistory(request.params.id);
      return { ...history, log: await presentLog(history.log) };
    },
  );

  app.post(
    '/commenters/:id/bans',
    {
      config: { access: 'comments.moderate' },
      schema: {
        tags: ['comments'],
        summary: 'Ban (no until) or suspend until a time; optionally reject their past comments',
        params: Id,
        body: Type.Object(
          {
            until: Type.Optional(Type.String({ format: 'date-time' })),
            rejectPast: Type.Optional(Type.Boolean()),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { until, rejectPast, reason } = request.body;
      const result = await comments.banCommenter(
        request.params.id,
        {
          ...(until ? { until: new Date(until) } : {}),
          ...(rejectPast !== undefined ? { rejectPast } : {}),
          ...(reason !== undefined ? { reason } : {}),
        },
        actor.id,
      );
      reply.code(201);
      return result;
    },
  );

  app.delete(
    '/commenters/:id/bans',
    {
      config: { access: 'comments.moderate' },
      schema: { tags: ['comments'], summary: 'Lift a ban or suspension', params: Id },
    },
    async (request) => ({ commenter: await comments.liftBan(request.params.id, actorOf(request).id) }),
  );

  app.put(
    '/commenters/:id/premoderation',
    {
      config: { access: 'comments.moderate' },
      schema: {
        tags: ['comments'],
        summary: 'Hold every comment of this commenter for a moderator (or stop doing so)',
        params: Id,
        body: Type.Object({ on: Type.Boolean() }, { additionalProperties: false }),
      },
    },
    async (request) => ({
      commenter: await comments.setAlwaysPremoderate(request.params.id, request.body.on, actorOf(request).id),
    }),
  );

  app.get(
    '/comments/:id/log',
    {
      config: { access: 'comments.moderate' },
      schema: { tags: ['comments'], summary: "One comment's decisions, oldest first", params: Id },
    },
    async (request) => {
      await requireComment(request.params.id);
      return { items: await presentLog(await comments.logFor(request.params.id)) };
    },
  );

  app.get(
    '/moderation-log',
    {
      config: { access: 'comments.moderate' },
      schema: {
        tags: ['comments'],
        summary: 'Every decision, by a person or the system, newest first; by action or by who decided',
        querystring: Type.Object({
          ...Page,
          action: Type.Optional(literals(moderationLogActions)),
          actor: Type.Optional(Type.String({ pattern: '^(system|people|[1-9][0-9]{0,9})$' })),
        }),
      },
    },
    async (request) => {
      const { after, limit = 50, action, actor } = request.query;
      const actorFilter = parseActor(actor);
      const page = await listModerationLog(db, {
        limit,
        ...(after ? { after } : {}),
        ...(action ? { action } : {}),
        ...(actorFilter !== undefined ? { actor: actorFilter } : {}),
      });
      // Who can be chosen in the "decided by" filter: everyone whose role moderates and who has signed up.
      const moderators = (await deps.staff.list())
        .filter((s) => s.status !== 'invited' && s.role in policy['comments.moderate'])
        .map((s) => ({ id: s.id, name: s.name }));
      return { items: await presentLog(page.items), next: page.next, moderators };
    },
  );

  app.get(
    '/comment-settings',
    { config: { access: 'comments.moderate' }, schema: { tags: ['comments'], summary: 'The comment settings' } },
    async () => comments.settings.get(),
  );

  app.patch(
    '/comment-settings',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['comments'], summary: 'Change comment settings (owners)', body: settingsBody },
    },
    async (request) => comments.settings.update(request.body as Partial<CommentSettings>),
  );
}
