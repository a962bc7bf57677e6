import type { ThreadComment, ThreadRoot, ThreadSort } from '../../comments/comments.service.js';
import type { FieldError } from '../../errors.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { fieldErrors, Time } from './parts.js';
import { NotifyRepliesField, SignedInAs, SignInToComment, signInHref, writePath } from './readers.js';

/** One page of an article's thread, as the article page and the comments pages show it. */
export interface ThreadView {
  articleId: number;
  /** Approved comments on the article (the article's kept count). */
  count: number;
  sort: ThreadSort;
  comments: ThreadRoot[];
  /** Cursor for the next page, when there is one. */
  next: string | null;
  /** Closed (by the desk): no reply links, no form. */
  closed: boolean;
  /** Only verified readers comment: the shared page shows "Sign in to comment" instead of guest fields. */
  verifiedOnly?: boolean;
  /** When comments close on their own (ms), if that is still to come: a cached page must not outlive it. */
  closesAt?: number | null;
  /** The comments island's script (fingerprinted), when it has been built; the page works without it. */
  island?: string | null;
}

/** What the comment form shows: the values back after a mistake, the errors beside their fields. */
export interface CommentFormState {
  articleId: number;
  parentId?: number | null;
  values?: { name?: string; email?: string; body?: string; notifyReplies?: boolean };
  errors?: FieldError[];
  /** When the form was rendered (ms); a cached page carries the time it was stored. */
  renderedAt: number;
  /** A random key for uncached forms only; cached forms rely on the service's one-minute window. */
  clientKey?: string | undefined;
  /** A signed-in reader: no name or email fields; the session's CSRF token rides along (private pages only). */
  reader?: { name: string; csrfToken: string };
  /** Only verified readers comment and nobody is signed in: where to sign in, instead of a form. */
  signIn?: string;
}

export const sortLabels: Record<ThreadSort, string> = { oldest: 'Oldest', newest: 'Newest', liked: 'Most liked' };

export const commentsPath = (articleId: number, sort: ThreadSort, after?: string | null) => {
  const params = new URLSearchParams();
  if (sort !== 'oldest' || after) params.set('sort', sort);
  if (after) params.set('after', after);
  const query = params.toString();
  return `/comments/${articleId}${query ? `?${query}` : ''}`;
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The section that ends every article: invitation, count, sort, the thread, the form. */
export function CommentsSection({
  ctx,
  thread,
  form,
}: {
  ctx: PageContext;
  thread: ThreadView;
  form: CommentFormState | null;
}) {
  const section = (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {thread.closed ? (
        <p class="comments__closed">Comments are closed for this story.</p>
      ) : (
        <p class="comments__invite">What are your views on this? Share them in the comments below.</p>
      )}
      <Thread ctx={ctx} thread={thread} onArticlePage />
      {form && !thread.closed ? (
        thread.verifiedOnly ? (
          <SignInToComment href={signInHref(writePath(thread.articleId))} />
        ) : (
          <CommentForm form={form} />
        )
      ) : null}
    </section>
  );
  return thread.island ? (
    <>
      {section}
      <IslandScript src={thread.island} articleId={thread.articleId} />
    </>
  ) : (
    section
  );
}

/**
 * The island that upgrades the thread and the form (src/comments/island): an external module,
 * as the page's CSP allows no inline script; it finds the article it serves by this element.
 */
function IslandScript({ src, articleId }: { src: string; articleId: number }) {
  return <script type="module" src={src} defer id="comments-island" data-article={String(articleId)} />;
}

export const repliesPath = (articleId: number, rootId: number, after?: string | null) =>
  `/comments/${articleId}/replies/${rootId}${after ? `?after=${encodeURIComponent(after)}` : ''}`;

/** The count, the sort links, the comments and the "Load more comments" link. */
export function Thread({
  ctx,
  thread,
  onArticlePage,
}: {
  ctx: PageContext;
  thread: ThreadView;
  onArticlePage?: boolean;
}) {
  return (
    <div class="comments__thread">
      <p class="comments__count">{plural(thread.count, 'comment', 'comments')}</p>
      {thread.comments.length > 0 ? (
        <>
          <nav class="comments__sort" aria-label="Sort comments">
            <ul>
              {(Object.keys(sortLabels) as ThreadSort[]).map((sort) => {
                const current = sort === thread.sort;
                const href =
                  onArticlePage && sort === 'oldest' ? '#comments' : `${commentsPath(thread.articleId, sort)}`;
                return (
                  <li key={sort}>
                    <a href={href} {...(current ? { 'aria-current': 'true' } : {})}>
                      {sortLabels[sort]}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          <ol class="comments__list">
            {thread.comments.map((root) => (
              <li key={root.id}>
                <CommentTree ctx={ctx} comment={root} replies={root.replies} thread={thread} />
                {root.moreReplies ? (
                  <p class="comments__more-replies">
                    <a href={repliesPath(thread.articleId, root.id, root.moreReplies)}>
                      {plural(root.moreReplyCount, 'more reply', 'more replies')}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {thread.next ? (
        <p class="comments__more">
          <a href={commentsPath(thread.articleId, thread.sort, thread.next)}>Load more comments</a>
        </p>
      ) : null}
    </div>
  );
}

/** A comment and its replies nested under their parents; the service keeps depth at 3 at most. */
function CommentTree({
  ctx,
  comment,
  replies,
  thread,
}: {
  ctx: PageContext;
  comment: ThreadComment;
  replies: ThreadComment[];
  thread: Pick<ThreadView, 'articleId' | 'closed'>;
}) {
  const shown = new Set([comment.id, ...replies.map((r) => r.id)]);
  const children = new Map<number, ThreadComment[]>();
  for (const reply of replies) {
    // A reply whose parent is on a later page of replies is listed under the top comment.
    const parent = reply.parentId !== null && shown.has(reply.parentId) ? reply.parentId : comment.id;
    const list = children.get(parent) ?? [];
    list.push(reply);
    children.set(parent, list);
  }
  const render = (c: ThreadComment) => {
    const mine = children.get(c.id) ?? [];
    return (
      <>
        <Comment ctx={ctx} comment={c} thread={thread} />
        {mine.length > 0 ? (
          <ol class="comments__replies">
            {mine.map((r) => (
              <li key={r.id}>{render(r)}</li>
            ))}
          </ol>
        ) : null}
      </>
    );
  };
  return render(comment);
}

export function Comment({
  ctx,
  comment,
  thread,
}: {
  ctx: PageContext;
  comment: ThreadComment;
  thread?: Pick<ThreadView, 'articleId' | 'closed'>;
}) {
  const depth = Math.min(comment.depth, 3);
  const classes = ['comment', `comment--depth-${depth}`];
  if (comment.featured && !comment.deleted) classes.push('comment--featured');
  if (comment.author?.staff) classes.push('comment--staff');
  if (comment.deleted) {
    return (
      <article class={[...classes, 'comment--deleted'].join(' ')} id={`comment-${comment.id}`}>
        <p class="comment__deleted">Comment deleted</p>
      </article>
    );
  }
  return (
    <article class={classes.join(' ')} id={`comment-${comment.id}`}>
      <header class="comment__header">
        <strong class="comment__author">{comment.author?.name ?? 'A reader'}</strong>
        {comment.author?.staff ? <span class="comment__badge">Staff</span> : null}
        {comment.featured ? <span class="comment__featured">Featured</span> : null}
        <Time iso={comment.createdAt} ctx={ctx} />
        {comment.editedAt ? <span class="comment__edited">(edited)</span> : null}
        {comment.inReplyToId ? (
          <a class="comment__in-reply-to" href={`#comment-${comment.inReplyToId}`}>
            in reply to an earlier comment
          </a>
        ) : null}
      </header>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: body_html is rendered from plain text when stored (escaped first, then a few tags) and sanitized */}
      <div class="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      <footer class="comment__footer">
        <span class="comment__likes">{plural(comment.likeCount, 'like', 'likes')}</span>
        {thread && !thread.closed ? (
          <a class="comment__reply" href={`/comments/${thread.articleId}/reply/${comment.id}`}>
            Reply<span class="visually-hidden"> to {comment.author?.name ?? 'this comment'}</span>
          </a>
        ) : null}
      </footer>
    </article>
  );
}

const fieldId = (field: string) => `comment-${field}`;

/** The plain form: works without JavaScript, errors linked to their fields and announced. */
export function CommentForm({ form }: { form: CommentFormState }) {
  const errors = form.errors ?? [];
  const { described, fieldError, textField } = fieldErrors(errors, fieldId);
  const values = form.values ?? {};
  if (form.signIn) return <SignInToComment href={form.signIn} />;
  return (
    <form class="comment-form" id="comment-form" method="post" action="/comments" novalidate>
      <h3 class="comment-form__title">{form.parentId ? 'Your reply' : 'Add a comment'}</h3>
      {errors.length > 0 ? (
        <div class="form-errors" role="alert" id="comment-form-errors">
          <h4>Please check your comment</h4>
          <ul>
            {errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                {['name', 'email', 'body'].includes(e.field) ? (
                  <a href={`#${fieldId(e.field)}`}>{e.message}</a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="articleId" value={String(form.articleId)} />
      {form.parentId ? <input type="hidden" name="parentId" value={String(form.parentId)} /> : null}
      <input type="hidden" name="renderedAt" value={String(form.renderedAt)} />
      {form.clientKey ? <input type="hidden" name="clientKey" value={form.clientKey} /> : null}
      {form.reader ? <input type="hidden" name="csrfToken" value={form.reader.csrfToken} /> : null}
      {form.reader ? (
        <SignedInAs name={form.reader.name} />
      ) : (
        <>
          {textField({
            name: 'name',
            label: 'Name',
            type: 'text',
            autocomplete: 'name',
            maxLength: 80,
            value: values.name,
          })}
          {textField({
            name: 'email',
            label: 'Email',
            type: 'email',
            autocomplete: 'email',
            maxLength: 254,
            value: values.email,
            hint: 'Never shown; used only to recognise you and, if you ask, to tell you about replies.',
          })}
        </>
      )}
      <div class="field">
        <label for={fieldId('body')}>Comment</label>
        <p class="field-hint" id={`${fieldId('body')}-hint`}>
          Plain text. Blank lines make paragraphs; **bold**, *italic*, "&gt; " quotes and links work.
        </p>
        <textarea id={fieldId('body')} name="body" rows={6} required {...described('body', `${fieldId('body')}-hint`)}>
          {values.body ?? ''}
        </textarea>
        {fieldError('body')}
      </div>
      <NotifyRepliesField checked={values.notifyReplies === true} />
      <div class="comment-form__hp" aria-hidden="true">
        <label for={fieldId('website')}>Leave this field empty</label>
        <input id={fieldId('website')} name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
      </div>
      <button type="submit">{form.parentId ? 'Post reply' : 'Post comment'}</button>
    </form>
  );
}

export interface ArticleLink {
  id: number;
  headline: string;
  url: string;
}

/** /comments/:articleId: a page of the thread on its own address, for "Load more" and the sort links. */
export function CommentsPage({ ctx, article, thread }: { ctx: PageContext; article: ArticleLink; thread: ThreadView }) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `Comments: ${article.headline}`,
        description: `Readers' comments on "${article.headline}".`,
        // One canonical home for the conversation: the article.
        robots: 'noindex, follow',
      }}
    >
      <div class="comments-page">
        <p class="comments-page__back">
          <a href={`${article.url}#comments`}>Back to the story: {article.headline}</a>
        </p>
        <section class="comments" id="comments" aria-labelledby="comments-title">
          <h1 id="comments-title">Comments on “{article.headline}”</h1>
          <Thread ctx={ctx} thread={thread} />
          {thread.closed ? (
            <p class="comments__closed">Comments are closed for this story.</p>
          ) : (
            <p class="comments__write">
              <a href={`${article.url}#comment-form`}>Write a comment</a>
            </p>
          )}
        </section>
      </div>
    </Layout>
  );
}

/** The reply page and the form sent back with its mistakes (422). */
export function CommentFormPage({
  ctx,
  article,
  parent,
  form,
  message,
}: {
  ctx: PageContext;
  article: ArticleLink;
  parent: ThreadComment | null;
  form: CommentFormState | null;
  /** A problem with no field to point at (comments closed): said instead of the form. */
  message?: string;
}) {
  return (
    <Layout ctx={ctx} meta={{ title: `Comment on ${article.headline}`, robots: 'noindex' }}>
      <div class="comments-page">
        <p class="comments-page__back">
          <a href={`${article.url}#comments`}>Back to the story: {article.headline}</a>
        </p>
        <section class="comments" id="comments" aria-labelledby="comments-title">
          <h1 id="comments-title">{parent ? 'Reply to a comment' : `Comment on “${article.headline}”`}</h1>
          {parent ? <Comment ctx={ctx} comment={parent} /> : null}
          {message ? (
            <p class="comments__problem" role="alert">
              {message}
            </p>
          ) : null}
          {form ? <CommentForm form={form} /> : null}
        </section>
      </div>
    </Layout>
  );
}

/** After a post: received, and either published or waiting for a moderator (with why, in plain words). */
export function ReceivedPage({
  ctx,
  article,
  comment,
  held,
}: {
  ctx: PageContext;
  article: ArticleLink;
  /** Shown only to its author (the reader cookie says who). */
  comment: ThreadComment | null;
  /** Why it waits, in plain words; null once published. */
  held: string | null;
}) {
  // The query makes the browser fetch the page afresh (its own copy may be a minute old); the
  // server's cache ignores it and answers from the copy the new comment has just replaced.
  const anchor =
    comment && !held ? `${article.url}?comment=${comment.id}#comment-${comment.id}` : `${article.url}#comments`;
  return (
    <Layout ctx={ctx} meta={{ title: 'Comment received', robots: 'noindex' }}>
      <div class="comments-page">
        <section class="comments comments--received" id="comments" aria-labelledby="comments-title">
          <h1 id="comments-title">Thank you, your comment was received</h1>
          {held ? (
            <p class="comments__notice" role="status">
              Your comment is waiting for a moderator: {held}
            </p>
          ) : comment ? (
            <p class="comments__notice" role="status">
              Your comment is published.
            </p>
          ) : null}
          {comment ? <Comment ctx={ctx} comment={comment} /> : null}
          <p class="comments-page__back">
            <a href={anchor}>Back to the story: {article.headline}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}

/** /comments/:articleId/replies/:rootId: a top comment and a page of its branch's replies, for "N more replies". */
export function RepliesPage({
  ctx,
  article,
  root,
  replies,
  next,
  fromStart,
  closed,
}: {
  ctx: PageContext;
  article: ArticleLink;
  root: ThreadComment;
  replies: ThreadComment[];
  /** Cursor for the next page of replies. */
  next: string | null;
  /** This page starts at the first reply (no cursor). */
  fromStart: boolean;
  closed: boolean;
}) {
  const thread = { articleId: article.id, closed };
  return (
    <Layout ctx={ctx} meta={{ title: `Replies: ${article.headline}`, robots: 'noindex, follow' }}>
      <div class="comments-page">
        <p class="comments-page__back">
          <a href={`${article.url}#comment-${root.id}`}>Back to the story: {article.headline}</a>
        </p>
        <section class="comments" id="comments" aria-labelledby="comments-title">
          <h1 id="comments-title">Replies to a comment</h1>
          {fromStart ? null : (
            <p class="comments__earlier">
              <a href={repliesPath(article.id, root.id)}>Show the replies from the first</a>
            </p>
          )}
          <ol class="comments__list">
            <li>
              <CommentTree ctx={ctx} comment={root} replies={replies} thread={thread} />
            </li>
          </ol>
          {next ? (
            <p class="comments__more">
              <a href={repliesPath(article.id, root.id, next)}>More replies</a>
            </p>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}
