import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { Services } from '../app.js';
import { articlePath } from '../articles/articles.paths.js';
import type { CommentsMode } from '../articles/articles.table.js';
import { AppError, type ErrorCode, type FieldError, notFound } from '../errors.js';
import type { PageSender } from '../site/send-page.js';
import {
  type ArticleLink,
  Comment,
  CommentFormPage,
  type CommentFormState,
  CommentsPage,
  ReceivedPage,
  RepliesPage,
  type ThreadView,
} from '../site/views/comments.js';
import type { PageContext } from '../site/views/context.js';
import { signInHref, writePath } from '../site/views/readers.js';
import { csrfMatches, type ReaderAccounts, readerSessionCookie } from './comments.readers.js';
import type { CommentsService, StoredComment, ThreadComment, ThreadSort } from './comments.service.js';
import { threadSorts } from './comments.service.js';
import { type ReportReason, reportReasons } from './comments.table.js';

/** The guest's identity cookie: which commenter this browser posted as, signed so nobody can claim another's. */
export const readerCookie = 'nd_reader';

export interface CommentRouteDeps {
  services: Pick<Services, 'comments' | 'articles' | 'taxonomy' | 'settings' | 'clock'>;
  sender: PageSender;
  context: (request: FastifyRequest) => Promise<PageContext>;
  publicUrl: string;
  secureCookies: boolean;
  /** Verified readers' sessions: a signed-in reader's form posts as them, with the session's CSRF token. */
  readers?: ReaderAccounts;
}

/**
 * The first page of an article's thread for the article page: the kept count (one indexed
 * read of the article row) and listThread (top comments, then all their first replies in
 * one windowed query), so three queries however many comments there are.
 */
export async function loadArticleThread(
  comments: CommentsService,
  article: { id: number; commentsMode: CommentsMode; commentCount: number; firstPublishedAt: string | null },
  options: { now?: Date; island?: string | null } = {},
): Promise<ThreadView> {
  // The count comes with the article row; the thread is the only extra read.
  const page = await comments.listThread({ articleId: article.id, sort: 'oldest' });
  const settings = await comments.settings.get(pageSettingsMaxAgeMs);
  const closing = commentsClosing(article.commentsMode, article.firstPublishedAt, settings, options.now ?? new Date());
  return {
    articleId: article.id,
    count: article.commentCount,
    sort: 'oldest',
    comments: page.comments,
    next: page.next,
    closed: closing.closed,
    closesAt: closing.closesAt,
    verifiedOnly: !settings.guestsAllowed,
    island: options.island ?? null,
  };
}

/**
 * Pages take comment settings up to a minute old: rendering a page then reads none, and
 * the page cache's entries live longer than that anyway.
 */
export const pageSettingsMaxAgeMs = 60_000;

/**
 * Whether an article takes comments, by the same rule as the pipeline's closed-article
 * phase (closed by the desk, or more than autoCloseDays after first publication), and
 * when an open one will close, so a cached page showing the form expires then.
 */
export function commentsClosing(
  mode: CommentsMode,
  firstPublishedAt: string | null,
  settings: { autoCloseDays: number },
  now: Date,
): { closed: boolean; closesAt: number | null } {
  if (mode === 'closed') return { closed: true, closesAt: null };
  if (settings.autoCloseDays <= 0 || !firstPublishedAt) return { closed: false, closesAt: null };
  // The phase refuses once strictly more than the days have passed.
  const closesAt = Date.parse(firstPublishedAt) + settings.autoCloseDays * 86_400_000 + 1;
  return now.getTime() >= closesAt ? { closed: true, closesAt: null } : { closed: false, closesAt };
}

// ---------------------------------------------------------------- the reader cookie

/** `<commenter id>.<random>.<HMAC>`; the key is derived from the comment settings' secret salt. */
export async function signReader(comments: CommentsService, commenterId: number): Promise<string> {
  const payload = `${commenterId}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${await mac(comments, payload)}`;
}

export async function verifyReader(comments: CommentsService, value: string | undefined): Promise<number | null> {
  if (!value) return null;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  const expected = Buffer.from(await mac(comments, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(match[1]) : null;
}

async function mac(comments: CommentsService, payload: string): Promise<string> {
  const key = createHmac('sha256', await comments.settings.ipSalt())
    .update('nd_reader')
    .digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

// ---------------------------------------------------------------- forgery

/**
 * Cross-site request forgery. A guest's comment carries no authority of the browser that
 * sends it (no session: name and email are typed into the form), so a forged guest post
 * gains an attacker nothing they could not do by posting themselves. What the reader
 * cookie authorises (likes, reports, edits, deletes) is guarded twice: the cookie is
 * SameSite=Lax, so browsers do not send it on another site's POST, PATCH or DELETE; and
 * every write here is refused when the browser says it comes from another origin (Origin,
 * or Referer when Origin is missing; browsers send Origin with every cross-origin POST).
 * Verified-reader sessions, a later step, will carry a real token.
 */
export function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const allowed = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  const origin = request.headers.origin;
  if (origin !== undefined) return allowed.has(origin);
  const referer = request.headers.referer;
  if (referer) {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return true;
}

const forgeryError = () =>
  new AppError('csrf_failed', 'This form was sent from another website, so we did not accept it.');

// ---------------------------------------------------------------- decisions in plain words

/** Why a comment waits for a moderator, as the reader is told. */
export function heldReasonText(reason: string | null): string {
  const code = (reason ?? '').split(':')[0];
  switch (code) {
    case 'new_commenter':
      return 'a moderator reads the first comments of every new commenter before they appear.';
    case 'suspect_word':
      return 'it contains a word our moderators check before it is published.';
    case 'too_many_links':
      return 'it contains more links than we publish without a check.';
    case 'premoderated_article':
      return 'comments on this story are read by a moderator before they appear.';
    case 'premoderated_site':
      return 'comments on this site are read by a moderator before they appear.';
    case 'always_premoderate':
      return 'a moderator reads your comments before they appear.';
    case 'reported':
      return 'readers reported it, so a moderator is looking at it again.';
    default:
      return 'our filters asked a moderator to look at it before it appears.';
  }
}

interface Refusal {
  status: number;
  /** On a field (the form comes back), or about the whole thing (no form). */
  field?: 'body';
  message: string;
  retryAfterSeconds?: number;
}

/** A rejected comment's reason, as a person understands it, with the status to answer. */
export function refusalFor(reason: string | null, settings: { minLength: number; maxLength: number }): Refusal {
  const [code = '', detail = ''] = (reason ?? '').split(/:\s*/, 2);
  switch (code) {
    case 'too_short':
      return {
        status: 422,
        field: 'body',
        message: `Your comment is too short: write at least ${settings.minLength} characters.`,
      };
    case 'too_long':
      return {
        status: 422,
        field: 'body',
        message: `Your comment is too long: keep it to ${settings.maxLength.toLocaleString('en')} characters (it has ${Number(detail).toLocaleString('en')}).`,
      };
    case 'article_closed':
      return { status: 422, message: 'Comments are closed for this story.' };
    case 'article_auto_closed':
      return { status: 422, message: `Comments on this story closed ${detail || 'a while'} after it was published.` };
    case 'commenter_banned':
      return { status: 403, message: 'You can no longer comment on this site.' };
    case 'commenter_suspended':
      return { status: 403, message: 'Your commenting is suspended for now. You can comment again when it ends.' };
    case 'rate_limited': {
      const seconds = Number(/(\d+)\s*s/.exec(detail)?.[1] ?? 15);
      return {
        status: 429,
        field: 'body',
        message: `You are commenting faster than we allow. Please wait ${seconds} seconds and send it again.`,
        retryAfterSeconds: seconds,
      };
    }
    case 'repeat_post':
      return { status: 422, field: 'body', message: 'You have already posted this comment.' };
    case 'banned_word':
      return {
        status: 422,
        field: 'body',
        message: 'Your comment contains language we do not publish. Please reword it.',
      };
    default:
      return { status: 422, field: 'body', message: 'Your comment could not be published.' };
  }
}

// ---------------------------------------------------------------- routes

const idPattern = /^[1-9]\d{0,11}$/;
const parseId = (raw: unknown): number | null => (typeof raw === 'string' && idPattern.test(raw) ? Number(raw) : null);

/** A comment as the form (or the island, with the same field names) sends it. */
export interface CommentPost {
  articleId: number | null;
  parentId: number | null;
  values: { name: string; email: string; body: string; notifyReplies: boolean };
  clientKey: string | undefined;
  renderedAt: Date | undefined;
}

/** Reads a posted comment's fields; a reply to a comment that cannot exist is a 404. */
export function readCommentPost(field: (name: string) => string): CommentPost {
  const parentId = field('parentId') ? parseId(field('parentId')) : null;
  if (field('parentId') && parentId === null) throw notFound('comment');
  const renderedAtMs = Number(field('renderedAt'));
  return {
    articleId: parseId(field('articleId')),
    parentId,
    values: {
      name: field('name'),
      email: field('email'),
      body: field('body'),
      notifyReplies: field('notifyReplies') === 'on',
    },
    clientKey: /^[A-Za-z0-9-]{8,64}$/.test(field('clientKey')) ? field('clientKey') : undefined,
    renderedAt: Number.isFinite(renderedAtMs) && renderedAtMs > 0 ? new Date(renderedAtMs) : undefined,
  };
}

/** What became of a post: stored (and committed), or refused with what to tell the reader. */
export type Acceptance =
  | { ok: true; stored: StoredComment }
  | {
      ok: false;
      status: number;
      errors: FieldError[];
      message?: string;
      /** The form comes back (the reader can fix something), or only the message does. */
      showForm: boolean;
    };

type FormBody = Record<string, string | string[] | undefined>;

export async function registerCommentRoutes(app: FastifyInstance, deps: CommentRouteDeps): Promise<void> {
  const { comments, articles, taxonomy, settings, clock } = deps.services;

  /** A published article and where it lives, or a 404. */
  async function findArticle(id: number | null) {
    const record = id === null ? undefined : await articles.findRecord(id);
    if (record?.status !== 'published') throw notFound('story');
    const section = taxonomy.sectionById(record.section_id);
    if (!section) throw notFound('story');
    const link: ArticleLink = {
      id: record.id,
      headline: record.headline,
      url: articlePath(section.slug, record.first_published_at, record.slug, settings.get().timeZone),
    };
    return { record, link };
  }

  const breaking = (ctx: PageContext) => {
    const ends = ctx.breaking.flatMap((b) => (b.breakingUntil ? [Date.parse(b.breakingUntil)] : []));
    return {
      keys: ['breaking', ...ctx.breaking.map((b) => `article:${b.id}`)],
      expiresAt: ends.length > 0 ? Math.min(...ends) : undefined,
    };
  };

  /** Whether the article still takes comments, and when that changes on its own (pages expire then). */
  async function closingOf(record: { comments_mode: CommentsMode; first_published_at: string | null }) {
    const settings = await comments.settings.get(pageSettingsMaxAgeMs);
    return commentsClosing(record.comments_mode, record.first_published_at, settings, clock.now());
  }

  /** The earliest of a page's expiry moments, if it has any. */
  const earliest = (...times: (number | null | undefined)[]) => {
    const known = times.filter((t): t is number => typeof t === 'number');
    return known.length > 0 ? Math.min(...known) : undefined;
  };

  /**
   * Who a form posts as: the signed-in reader (the page is private, so it can carry the
   * session's CSRF token), a guest, or nobody yet when only verified readers comment.
   */
  async function formIdentity(request: FastifyRequest, returnTo: string) {
    const session = deps.readers ? await deps.readers.resolveSession(request.cookies[readerSessionCookie]) : null;
    if (session) return { session, form: { reader: { name: session.name, csrfToken: session.csrfToken } } };
    const { guestsAllowed } = await comments.settings.get();
    return { session: null, form: guestsAllowed ? {} : { signIn: signInHref(returnTo) } };
  }

  /**
   * The one way a reader's comment goes in, for the plain form and the island alike: who
   * writes (a signed-in reader, with their session's CSRF token, or a guest), the fields,
   * the moderation pipeline, the refusals in plain words, and the reader cookie. The comment
   * is committed before this returns.
   */
  async function acceptComment(
    request: FastifyRequest,
    reply: FastifyReply,
    post: CommentPost & {
      articleId: number;
      identity: Awaited<ReturnType<typeof formIdentity>>;
      field: (name: string) => string;
    },
  ): Promise<Acceptance> {
    const { parentId, values, clientKey, renderedAt, identity, field } = post;
    const refuse = (status: number, errors: FieldError[], message?: string, showForm = true): Acceptance => ({
      ok: false,
      status,
      errors,
      showForm,
      ...(message ? { message } : {}),
    });
    const errors: FieldError[] = [];
    if (values.body.trim() === '') errors.push({ field: 'body', message: 'Write your comment before posting it.' });
    let commenterId: number | null = identity.session?.commenterId ?? null;
    if (identity.session && !csrfMatches(identity.session, request.headers['x-csrf-token'] ?? field('csrfToken'))) {
      // Nothing is lost: the private form comes back with the text and the session's token.
      const message = `You are signed in as ${identity.session.name}. Check your comment and press Post again to publish it.`;
      return refuse(403, [], message);
    }
    try {
      if (commenterId === null) {
        commenterId = (await comments.ensureCommenter({ kind: 'guest', name: values.name, email: values.email })).id;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'validation_failed') errors.unshift(...(err.details?.fields ?? []));
      else if (err.code === 'forbidden') return refuse(403, [], err.message, identity.form.signIn !== undefined);
      else throw err;
    }
    if (errors.length > 0 || commenterId === null) return refuse(422, errors);

    let stored: StoredComment;
    try {
      stored = await comments.submitComment({
        articleId: post.articleId,
        parentId,
        commenter: commenterId,
        body: values.body,
        ip: request.ip,
        honeypot: field('website'),
        ...(renderedAt ? { renderedAt } : {}),
        ...(clientKey ? { clientKey } : {}),
        notifyReplies: values.notifyReplies,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'payload_too_large') return refuse(422, [{ field: 'body', message: err.message }]);
      if (err.code === 'not_found' && parentId !== null) {
        return refuse(422, [], 'The comment you are replying to is no longer there.', false);
      }
      if (err.code === 'conflict') return refuse(422, [], err.message);
      throw err;
    }

    if (stored.status === 'rejected') {
      const refusal = refusalFor(stored.decisionReason, await comments.settings.get());
      if (refusal.retryAfterSeconds) reply.header('retry-after', String(refusal.retryAfterSeconds));
      return refusal.field
        ? refuse(refusal.status, [{ field: refusal.field, message: refusal.message }])
        : refuse(refusal.status, [], refusal.message, false);
    }

    if ((await verifyReader(comments, request.cookies[readerCookie])) !== stored.commenterId) {
      reply.setCookie(readerCookie, await signReader(comments, stored.commenterId), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        maxAge: 365 * 86_400,
      });
    }
    return { ok: true, stored };
  }

  const asThread = (c: StoredComment, name: string): ThreadComment => ({
    id: c.id,
    parentId: c.parentId,
    inReplyToId: c.inReplyToId,
    depth: c.depth,
    deleted: c.status === 'deleted',
    author: { id: c.commenterId, name, staff: false },
    bodyHtml: c.status === 'deleted' ? '' : c.bodyHtml,
    likeCount: c.likeCount,
    replyCount: c.replyCount,
    featured: c.featured,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
  });

  /**
   * /comments/:articleId?sort=&after=: one page of the thread on its own address, so the
   * article page stays one cache entry. Cached under the article's key like the article
   * (the cache key keeps `sort` and `after` on this path; a cursor the service did not give
   * out is a 400, which is never stored).
   */
  app.get<{ Params: { articleId: string }; Querystring: { sort?: string; after?: string } }>(
    '/comments/:articleId',
    { config: { page: true } },
    async (request, reply) => {
      const { record, link } = await findArticle(parseId(request.params.articleId));
      const sortRaw = request.query.sort ?? 'oldest';
      if (!threadSorts.includes(sortRaw as ThreadSort)) {
        throw new AppError('invalid_parameter', 'Sort comments by oldest, newest or liked.');
      }
      const sort = sortRaw as ThreadSort;
      const after = typeof request.query.after === 'string' && request.query.after ? request.query.after : undefined;
      const page = await comments.listThread({ articleId: record.id, sort, ...(after ? { after } : {}) });
      const ctx = await deps.context(request);
      const closing = await closingOf(record);
      const thread: ThreadView = {
        articleId: record.id,
        count: record.comment_count,
        sort,
        comments: page.comments,
        next: page.next,
        closed: closing.closed,
      };
      const extra = breaking(ctx);
      return deps.sender.send(request, reply, {
        vnode: <CommentsPage ctx={ctx} article={link} thread={thread} />,
        keys: [`article:${record.id}`, ...extra.keys],
        expiresAt: earliest(extra.expiresAt, closing.closesAt),
        // Cursors are unbounded: a page past the first is not stored, or anyone could fill the cache.
        ...(after ? { private: true } : {}),
      });
    },
  );

  /** The reply form with the comment it answers; private, so it carries a fresh client key. */
  app.get<{ Params: { articleId: string; commentId: string } }>(
    '/comments/:articleId/reply/:commentId',
    { config: { page: true } },
    async (request, reply) => {
      const { record, link } = await findArticle(parseId(request.params.articleId));
      const commentId = parseId(request.params.commentId);
      const parent = commentId === null ? undefined : await comments.findComment(commentId);
      if (parent?.articleId !== record.id || parent.status !== 'approved') throw notFound('comment');
      const ctx = await deps.context(request);
      const { closed } = await closingOf(record);
      const form: CommentFormState = {
        articleId: record.id,
        parentId: parent.id,
        renderedAt: clock.now().getTime(),
        clientKey: randomUUID(),
        ...(await formIdentity(request, request.url)).form,
      };
      return deps.sender.send(request, reply, {
        vnode: (
          <CommentFormPage
            ctx={ctx}
            article={link}
            parent={asThread(parent, 'A reader')}
            form={closed ? null : form}
            {...(closed ? { message: 'Comments are closed for this story.' } : {})}
          />
        ),
        keys: [],
        private: true,
      });
    },
  );

  /**
   * The comment form on a private page: where a signed-in reader writes (the cached article
   * page cannot carry their CSRF token), and where "Sign in to comment" comes back to.
   */
  app.get<{ Params: { articleId: string } }>(
    '/comments/:articleId/write',
    { config: { page: true } },
    async (request, reply) => {
      const { record, link } = await findArticle(parseId(request.params.articleId));
      const identity = await formIdentity(request, writePath(record.id));
      if (identity.form.signIn) {
        return reply.code(303).header('cache-control', 'no-store').header('location', identity.form.signIn).send();
      }
      const ctx = await deps.context(request);
      const { closed } = await closingOf(record);
      const form: CommentFormState = {
        articleId: record.id,
        renderedAt: clock.now().getTime(),
        clientKey: randomUUID(),
        ...identity.form,
      };
      return deps.sender.send(request, reply, {
        vnode: (
          <CommentFormPage
            ctx={ctx}
            article={link}
            parent={null}
            form={closed ? null : form}
            {...(closed ? { message: 'Comments are closed for this story.' } : {})}
          />
        ),
        keys: [],
        private: true,
      });
    },
  );

  /** Where a post lands: received, and published or waiting (with why). Its text only to its author. */
  app.get<{ Params: { articleId: string; commentId: string } }>(
    '/comments/:articleId/received/:commentId',
    { config: { page: true } },
    async (request, reply) => {
      const { record, link } = await findArticle(parseId(request.params.articleId));
      const commentId = parseId(request.params.commentId);
      const comment = commentId === null ? undefined : await comments.findComment(commentId);
      if (comment?.articleId !== record.id) throw notFound('comment');
      const reader = await verifyReader(comments, request.cookies[readerCookie]);
      const mine = reader === comment.commenterId;
      const held = comment.status === 'approved' ? null : heldReasonText(comment.decisionReason);
      const ctx = await deps.context(request);
      return deps.sender.send(request, reply, {
        vnode: (
          <ReceivedPage
            ctx={ctx}
            article={link}
            comment={mine && comment.status !== 'deleted' ? asThread(comment, 'You') : null}
            held={comment.status === 'approved' ? null : held}
          />
        ),
        keys: [],
        private: true,
      });
    },
  );

  await app.register(async (forms) => {
    // Only this scope reads urlencoded bodies; the rest of the site accepts JSON alone.
    await forms.register(fastifyFormbody, { bodyLimit: 256 * 1024 });

    /**
     * The no-JavaScript form. The comment is committed (submitComment returns only then)
     * before the reader is redirected to the page that says it was received.
     */
    forms.post<{ Body: FormBody }>('/comments', { config: { page: true } }, async (request, reply) => {
      if (!sameOrigin(request, deps.publicUrl)) throw forgeryError();
      const body = (request.body ?? {}) as FormBody;
      const field = (name: string) => {
        const v = body[name];
        return typeof v === 'string' ? v : '';
      };
      const post = readCommentPost(field);
      const { record, link } = await findArticle(post.articleId);
      const { parentId, values, clientKey, renderedAt } = post;
      const identity = await formIdentity(
        request,
        parentId !== null ? `/comments/${record.id}/reply/${parentId}` : writePath(record.id),
      );

      const answer = async (status: number, errors: FieldError[], message?: string, showForm = true) => {
        const ctx = await deps.context(request);
        const parent = parentId !== null ? await comments.findComment(parentId) : undefined;
        const form: CommentFormState = {
          articleId: record.id,
          parentId,
          values,
          errors,
          // The reader already spent time on it: the original time stays.
          renderedAt: renderedAt?.getTime() ?? clock.now().getTime(),
          clientKey: clientKey ?? randomUUID(),
          ...identity.form,
        };
        return deps.sender.send(request, reply, {
          vnode: (
            <CommentFormPage
              ctx={ctx}
              article={link}
              parent={parent && parent.status === 'approved' ? asThread(parent, 'A reader') : null}
              form={showForm ? form : null}
              {...(message ? { message } : {})}
            />
          ),
          keys: [],
          status,
          private: true,
        });
      };

      const outcome = await acceptComment(request, reply, { ...post, articleId: record.id, identity, field });
      if (!outcome.ok) return answer(outcome.status, outcome.errors, outcome.message, outcome.showForm);
      const { stored } = outcome;
      return reply
        .code(303)
        .header('cache-control', 'no-store')
        .header('location', `/comments/${record.id}/received/${stored.id}`)
        .send();
    });
  });

  // ---------------------------------------------------------------- JSON, for the island

  const idParams = {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'integer', minimum: 1 } },
  } as const;

  async function readerOf(request: FastifyRequest): Promise<number> {
    if (!sameOrigin(request, deps.publicUrl)) throw forgeryError();
    const reader = await verifyReader(comments, request.cookies[readerCookie]);
    if (reader === null) {
      throw new AppError(
        'unauthorized',
        'We do not know who you are yet: post a comment first, and this browser will remember you.',
      );
    }
    return reader;
  }

  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.post<{ Params: { id: number } }>(
    '/api/comments/:id/likes',
    { schema: { params: idParams } },
    async (request, reply) => {
      const reader = await readerOf(request);
      return noStore(reply).send(await comments.likeComment(request.params.id, reader));
    },
  );

  app.post<{ Params: { id: number }; Body: { reason: ReportReason; note?: string } }>(
    '/api/comments/:id/reports',
    {
      schema: {
        params: idParams,
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: {
            reason: { type: 'string', enum: [...reportReasons] },
            note: { type: 'string', maxLength: 1000 },
          },
        },
      },
    },
    async (request, reply) => {
      const reader = await readerOf(request);
      await comments.reportComment({
        commentId: request.params.id,
        commenterId: reader,
        reason: request.body.reason,
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
      });
      return noStore(reply).code(201).send({ reported: true, message: 'Thank you: a moderator will look at it.' });
    },
  );

  app.patch<{ Params: { id: number }; Body: { body: string } }>(
    '/api/comments/:id',
    {
      schema: {
        params: idParams,
        body: {
          type: 'object',
          required: ['body'],
          additionalProperties: false,
          properties: { body: { type: 'string', minLength: 1, maxLength: 100_000 } },
        },
      },
    },
    async (request, reply) => {
      const reader = await readerOf(request);
      const edited = await comments.editComment({
        commentId: request.params.id,
        commenterId: reader,
        body: request.body.body,
      });
      const message =
        edited.status === 'approved'
          ? 'Your comment was updated.'
          : edited.status === 'pending'
            ? `Your comment is waiting for a moderator: ${heldReasonText(edited.decisionReason)}`
            : refusalFor(edited.decisionReason, await comments.settings.get()).message;
      return noStore(reply).send({
        id: edited.id,
        status: edited.status,
        bodyHtml: edited.status === 'approved' ? edited.bodyHtml : null,
        editedAt: edited.editedAt,
        message,
      });
    },
  );

  /** A reader's own data: everything we hold about them and their comments, as a download. */
  app.get('/api/readers/me/data', async (request, reply) => {
    const reader = await readerOf(request);
    const data = await comments.exportReaderData(reader);
    return noStore(reply).header('content-disposition', 'attachment; filename="my-comments.json"').send(data);
  });

  /** A reader erases their data: comments emptied (threads keep their shape), name and email gone. */
  app.delete('/api/readers/me', async (request, reply) => {
    const reader = await readerOf(request);
    const result = await comments.deleteReaderData(reader);
    reply.clearCookie(readerCookie, { path: '/' });
    return noStore(reply).send({ ...result, message: 'Your comments and details have been deleted.' });
  });

  app.delete<{ Params: { id: number } }>(
    '/api/comments/:id',
    { schema: { params: idParams } },
    async (request, reply) => {
      const reader = await readerOf(request);
      const deleted = await comments.deleteOwnComment({ commentId: request.params.id, commenterId: reader });
      return noStore(reply).send({ id: deleted.id, status: deleted.status, message: 'Your comment was deleted.' });
    },
  );
  // ---------------------------------------------------------------- the island: posting, fragments, reply pages

  /** A comment as the island inserts it: where it goes, and its markup made by the same view as the page's. */
  const fragment = (ctx: PageContext, thread: { articleId: number; closed: boolean }, c: ThreadComment) => ({
    id: c.id,
    parentId: c.parentId,
    depth: c.depth,
    html: renderToString(<Comment ctx={ctx} comment={c} thread={thread} />),
  });

  /** Which commenter this browser is: a signed-in reader, or the guest its cookie names. */
  async function currentCommenter(request: FastifyRequest): Promise<number | null> {
    const session = deps.readers ? await deps.readers.resolveSession(request.cookies[readerSessionCookie]) : null;
    return session?.commenterId ?? (await verifyReader(comments, request.cookies[readerCookie]));
  }

  const refusalCodes: Record<number, ErrorCode> = { 403: 'forbidden', 422: 'validation_failed', 429: 'rate_limited' };

  /**
   * POST /api/comments: the form's fields as JSON (the island sends the form it enhances, so
   * fields added to the form arrive too), through the same acceptComment as the plain form.
   * 201 published, 202 held (with why), or the refusal as an error with its fields.
   */
  app.post<{ Body: Record<string, string | number | boolean | null> }>(
    '/api/comments',
    {
      schema: {
        body: {
          type: 'object',
          required: ['articleId', 'body'],
          properties: {
            articleId: { type: ['integer', 'string'], minimum: 1, maxLength: 12 },
            parentId: { type: ['integer', 'string', 'null'], minimum: 1, maxLength: 12 },
            name: { type: 'string', maxLength: 1000 },
            email: { type: 'string', maxLength: 1000 },
            body: { type: 'string', maxLength: 200_000 },
            renderedAt: { type: ['integer', 'string'], maxLength: 20 },
            clientKey: { type: 'string', maxLength: 100 },
          },
          // Whatever else the form carries (the honeypot, "email me about replies", a reader's token).
          additionalProperties: { type: ['string', 'boolean'], maxLength: 1000 },
        },
      },
    },
    async (request, reply) => {
      if (!sameOrigin(request, deps.publicUrl)) throw forgeryError();
      const body = request.body;
      const field = (name: string) => {
        const v = body[name];
        return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v === true ? 'on' : '';
      };
      const post = readCommentPost(field);
      const { record } = await findArticle(post.articleId);
      const identity = await formIdentity(
        request,
        post.parentId !== null ? `/comments/${record.id}/reply/${post.parentId}` : writePath(record.id),
      );
      const outcome = await acceptComment(request, reply, { ...post, articleId: record.id, identity, field });
      if (!outcome.ok) {
        const code = refusalCodes[outcome.status] ?? 'validation_failed';
        throw new AppError(
          code,
          outcome.message ?? 'Please check your comment.',
          outcome.errors.length > 0 ? { fields: outcome.errors } : undefined,
        );
      }
      const { stored } = outcome;
      const published = stored.status === 'approved';
      const ctx = await deps.context(request);
      const thread = { articleId: record.id, closed: false };
      // Published: as every reader sees it. Held: as its author's "received" page shows it.
      const shown = published ? (await comments.findVisible(record.id, [stored.id]))[0] : asThread(stored, 'You');
      const { editWindowMinutes } = await comments.settings.get();
      const editableUntil = Date.parse(stored.createdAt) + editWindowMinutes * 60_000;
      return noStore(reply)
        .code(published ? 201 : 202)
        .send({
          comment: {
            id: stored.id,
            parentId: stored.parentId,
            rootId: stored.rootId,
            depth: stored.depth,
            status: stored.status,
            editableUntil: new Date(editableUntil).toISOString(),
            // From now, so a browser whose clock is wrong still counts the window right.
            editableForMs: Math.max(0, editableUntil - clock.now().getTime()),
          },
          published,
          html: shown ? fragment(ctx, thread, shown).html : '',
          message: published
            ? 'Your comment is published.'
            : `Your comment was received and is waiting for a moderator: ${heldReasonText(stored.decisionReason)}`,
        });
    },
  );

  /** GET /api/comments?articleId=&ids=: comments live readers were told of, to show when they ask. */
  app.get<{ Querystring: { articleId: number; ids: string } }>(
    '/api/comments',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['articleId', 'ids'],
          properties: {
            articleId: { type: 'integer', minimum: 1 },
            ids: { type: 'string', pattern: '^[1-9][0-9]{0,11}(,[1-9][0-9]{0,11}){0,99}$' },
          },
        },
      },
    },
    async (request, reply) => {
      const { record } = await findArticle(request.query.articleId);
      const ids = request.query.ids.split(',').map(Number);
      const found = await comments.findVisible(record.id, ids);
      const ctx = await deps.context(request);
      const thread = { articleId: record.id, closed: (await closingOf(record)).closed };
      return noStore(reply).send({ comments: found.map((c) => fragment(ctx, thread, c)) });
    },
  );

  /** The top comment a replies list belongs to: visible, top-level, on a published article. */
  async function findRoot(articleId: number, rootId: number | null) {
    const root = rootId === null ? undefined : (await comments.findVisible(articleId, [rootId]))[0];
    if (root?.depth !== 0) throw notFound('comment');
    return root;
  }

  /** GET /api/comments/:id/replies?after=: the next page of a branch's replies, for "N more replies" in place. */
  app.get<{ Params: { id: number }; Querystring: { after?: string } }>(
    '/api/comments/:id/replies',
    {
      schema: {
        params: idParams,
        querystring: { type: 'object', properties: { after: { type: 'string', maxLength: 500 } } },
      },
    },
    async (request, reply) => {
      const top = await comments.findComment(request.params.id);
      if (!top) throw notFound('comment');
      const { record } = await findArticle(top.articleId);
      const root = await findRoot(record.id, request.params.id);
      const after = request.query.after || undefined;
      const page = await comments.listReplies({ rootId: root.id, ...(after ? { after } : {}) });
      const ctx = await deps.context(request);
      const thread = { articleId: record.id, closed: (await closingOf(record)).closed };
      return noStore(reply).send({
        replies: page.replies.map((c) => fragment(ctx, thread, c)),
        next: page.next,
      });
    },
  );

  /** The page of a branch's replies behind "N more replies", without JavaScript. */
  app.get<{ Params: { articleId: string; rootId: string }; Querystring: { after?: string } }>(
    '/comments/:articleId/replies/:rootId',
    { config: { page: true } },
    async (request, reply) => {
      const { record, link } = await findArticle(parseId(request.params.articleId));
      const root = await findRoot(record.id, parseId(request.params.rootId));
      const after = typeof request.query.after === 'string' && request.query.after ? request.query.after : undefined;
      const page = await comments.listReplies({ rootId: root.id, ...(after ? { after } : {}) });
      const ctx = await deps.context(request);
      const closing = await closingOf(record);
      const extra = breaking(ctx);
      return deps.sender.send(request, reply, {
        vnode: (
          <RepliesPage
            ctx={ctx}
            article={link}
            root={root}
            replies={page.replies}
            next={page.next}
            fromStart={!after}
            closed={closing.closed}
          />
        ),
        keys: [`article:${record.id}`, ...extra.keys],
        expiresAt: earliest(extra.expiresAt, closing.closesAt),
        // As with the thread's pages: only the first is stored; cursors are unbounded.
        ...(after ? { private: true } : {}),
      });
    },
  );

  /** GET /api/readers/me/comments?articleId=: which comments here are this browser's, and until when each can be edited. */
  app.get<{ Querystring: { articleId: number } }>(
    '/api/readers/me/comments',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['articleId'],
          properties: { articleId: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request, reply) => {
      const reader = await currentCommenter(request);
      // Nobody known is an empty list, not an error: the island asks on every article page.
      const own = reader === null ? [] : await comments.listOwnOnArticle(reader, request.query.articleId);
      return noStore(reply).send({ now: clock.now().toISOString(), comments: own });
    },
  );
}
