import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { getPage, type Page, parseHtml, textOf, urlOf } from '../../test/helpers/html.js';
import { xssVectors } from '../../test/helpers/xss-vectors.js';
import type { ArticleRecord } from '../articles/articles.service.js';
import type { CommenterIdentity, SubmitCommentInput } from './comments.service.js';

const origin = 'http://news.test';
let n = 0;
const guest = (name = `Reader ${++n}`): CommenterIdentity => ({
  kind: 'guest',
  name,
  email: `reader.${++n}@example.com`,
});

/** Known XSS vectors (OWASP's cheat sheet and friends): none may reach the page as markup. */

/** What the comments section may contain: our own markup, and the comment subset inside bodies. */
const sectionTags = new Set([
  'SECTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'P',
  'DIV',
  'NAV',
  'UL',
  'OL',
  'LI',
  'A',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'STRONG',
  'SPAN',
  'TIME',
  'FORM',
  'LABEL',
  'INPUT',
  'TEXTAREA',
  'BUTTON',
]);
const sectionAttributes = new Set([
  'class',
  'id',
  'href',
  'datetime',
  'aria-labelledby',
  'aria-label',
  'aria-current',
  'aria-hidden',
  'aria-describedby',
  'aria-invalid',
  'role',
  'method',
  'action',
  'novalidate',
  'type',
  'name',
  'value',
  'for',
  'autocomplete',
  'maxlength',
  'required',
  'rows',
  'tabindex',
]);
const bodyTags = new Set(['P', 'BR', 'STRONG', 'EM', 'BLOCKQUOTE', 'A']);

eachDialect('reader comments over HTTP', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let staffId: number;

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    t = await buildTestApp(dialect, { clock });
    staffId = (
      await t.services.staff.createStaff({ email: 'desk@newsroom.test', name: 'Desk Editor', role: 'moderator' })
    ).id;
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.services.comments.settings.update({
      newCommenterApprovals: 0,
      rateLimitSeconds: 0,
      minSubmitSeconds: 0,
      maxLinks: 100,
    });
    clock.advance(60_000);
  });

  const article = (spec: Parameters<typeof buildArticle>[1] = {}) =>
    buildArticle(t.services, { published: clock.now(), ...spec });
  let ip = 0;
  const seed = async (
    input: Omit<SubmitCommentInput, 'ip' | 'commenter'> & { commenter?: SubmitCommentInput['commenter'] },
  ) => {
    clock.advance(1000);
    return t.services.comments.submitComment({ ip: `10.1.0.${++ip % 250}`, commenter: guest(), ...input });
  };

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/comments',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin,
        ...headers,
      },
      payload: form(fields),
    });
  const readerCookieOf = (res: LightMyRequestResponse) => {
    const cookie = res.cookies.find((c) => c.name === 'nd_reader');
    assert.ok(cookie, 'the first post sets the reader cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    return `nd_reader=${cookie.value}`;
  };
  const commentForm = (a: ArticleRecord, extra: Record<string, string> = {}) => ({
    articleId: String(a.id),
    name: 'Ada Reader',
    email: `ada.${++n}@example.com`,
    body: 'A thoughtful comment about the budget.',
    renderedAt: String(clock.now().getTime() - 30_000),
    website: '',
    ...extra,
  });
  const ids = (doc: Page, selector: string) =>
    [...doc.querySelectorAll(selector)].map((el) => Number(el.getAttribute('id')?.replace('comment-', '')));

  test('the article page shows the thread: count, order, nesting to depth 3, placeholder, staff badge, featured', async () => {
    const a = await article();
    const c1 = await seed({ articleId: a.id, body: 'First, the oldest.' });
    const c2 = await seed({ articleId: a.id, body: 'Second, the most liked.' });
    const c3 = await seed({
      articleId: a.id,
      body: 'Third, from the desk.',
      commenter: { kind: 'staff', name: 'Desk Editor', staffId },
    });
    const r1 = await seed({ articleId: a.id, parentId: c1.id, body: 'A reply, depth one.' });
    const r2 = await seed({ articleId: a.id, parentId: r1.id, body: 'Depth two.' });
    const r3 = await seed({ articleId: a.id, parentId: r2.id, body: 'Depth three.' });
    const r4 = await seed({ articleId: a.id, parentId: r3.id, body: 'Deeper, flattened.' });
    const likers = [guest(), guest()];
    for (const who of likers) {
      const id = (await t.services.comments.ensureCommenter(who)).id;
      await t.services.comments.likeComment(c2.id, id);
    }
    await t.services.comments.moderate(c2.id, 'feature', staffId);
    await t.services.comments.deleteOwnComment({ commentId: r1.id, commenterId: r1.commenterId });

    const { res, doc } = await getPage(t.app, urlOf(t.services, a));
    assert.equal(res.statusCode, 200);
    const section = doc.querySelector('#comments');
    assert.ok(section);
    assert.match(textOf(section), /What are your views on this\? Share them in the comments below\./);
    assert.equal(textOf(section.querySelector('.comments__count')), '6 comments');
    assert.deepEqual(ids(doc, '.comments__list > li > article'), [c1.id, c2.id, c3.id]);
    assert.match(textOf(doc.querySelector(`#comment-${r1.id}`)), /^Comment deleted$/);
    assert.ok(doc.querySelector(`#comment-${r2.id}.comment--depth-2`));
    assert.ok(doc.querySelector(`#comment-${r3.id}.comment--depth-3`));
    assert.ok(doc.querySelector(`#comment-${r4.id}.comment--depth-3`));
    // Three levels of indentation, never four: the flattened reply sits beside its depth-3 parent.
    assert.equal(doc.querySelectorAll('.comments__replies .comments__replies .comments__replies').length, 1);
    assert.equal(
      doc.querySelectorAll('.comments__replies .comments__replies .comments__replies .comments__replies').length,
      0,
    );
    assert.ok(doc.querySelector(`#comment-${r4.id} a[href="#comment-${r3.id}"]`), 'says which comment it answers');
    assert.equal(textOf(doc.querySelector(`#comment-${c3.id} .comment__badge`)), 'Staff');
    assert.equal(doc.querySelector(`#comment-${c1.id} .comment__badge`), null);
    assert.ok(doc.querySelector(`#comment-${c2.id}.comment--featured .comment__featured`));
    assert.equal(textOf(doc.querySelector(`#comment-${c2.id} .comment__likes`)), '2 likes');
    assert.ok(doc.querySelector(`a[href="/comments/${a.id}/reply/${c1.id}"]`));
    assert.ok(doc.querySelector('form[action="/comments"][method="post"]'));

    const sorted = async (sort: string) =>
      ids((await getPage(t.app, `/comments/${a.id}?sort=${sort}`)).doc, '.comments__list > li > article');
    assert.deepEqual(await sorted('newest'), [c3.id, c2.id, c1.id]);
    assert.deepEqual((await sorted('liked'))[0], c2.id);
    assert.equal((await getPage(t.app, `/comments/${a.id}?sort=loudest`)).res.statusCode, 400);
    assert.equal((await getPage(t.app, `/comments/${a.id}?after=not-a-cursor`)).res.statusCode, 400);
  });

  test('a no-JavaScript post is committed, redirected to its received page, and shown on the cached article page', async () => {
    const a = await article();
    const url = urlOf(t.services, a);
    await getPage(t.app, url);
    assert.equal((await getPage(t.app, url)).res.headers['x-cache'], 'HIT');

    const res = await post(commentForm(a));
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    const id = Number(/^\/comments\/\d+\/received\/(\d+)$/.exec(location)?.[1]);
    assert.equal((await t.services.comments.findComment(id))?.status, 'approved', 'committed before the answer');
    const cookie = readerCookieOf(res);

    const received = await getPage(t.app, location, { cookie });
    assert.equal(received.res.statusCode, 200);
    assert.match(String(received.res.headers['x-robots-tag']), /noindex/);
    assert.match(textOf(received.doc.querySelector('main, body')), /Your comment is published/);
    assert.ok(received.doc.querySelector(`a[href="${url}?comment=${id}#comment-${id}"]`));
    // Without the author's cookie the page says nothing about the comment.
    const stranger = await getPage(t.app, location);
    assert.equal(stranger.doc.querySelector(`#comment-${id}`), null);

    const after = await getPage(t.app, url);
    assert.equal(after.res.headers['x-cache'], 'MISS', 'the new comment purged the article page');
    assert.match(textOf(after.doc.querySelector(`#comment-${id}`)), /A thoughtful comment about the budget\./);
    assert.equal(textOf(after.doc.querySelector('.comments__count')), '1 comment');
  });

  test('a held comment says why, and appears on the article page once approved', async () => {
    await t.services.comments.settings.update({ newCommenterApprovals: 1 });
    const a = await article();
    const url = urlOf(t.services, a);
    const res = await post(commentForm(a, { body: 'My first comment here.' }));
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    const id = Number(location.split('/').pop());
    const received = await getPage(t.app, location, { cookie: readerCookieOf(res) });
    assert.match(
      textOf(received.doc.querySelector('[role="status"]')),
      /^Your comment is waiting for a moderator: a moderator reads the first comments of every new commenter/,
    );
    assert.match(textOf(received.doc.querySelector(`#comment-${id}`)), /My first comment here\./);

    await getPage(t.app, url);
    const cached = await getPage(t.app, url);
    assert.equal(cached.res.headers['x-cache'], 'HIT');
    assert.equal(cached.doc.querySelector(`#comment-${id}`), null);
    await t.services.comments.moderate(id, 'approve', staffId);
    const shown = await getPage(t.app, url);
    assert.match(textOf(shown.doc.querySelector(`#comment-${id}`)), /My first comment here\./);
  });

  test('mistakes come back as a 422 form with the values kept and the errors linked to their fields', async () => {
    const a = await article();
    const res = await post(commentForm(a, { body: '   ', name: 'Kept Name', email: 'not-an-address' }));
    assert.equal(res.statusCode, 422);
    assert.match(String(res.headers['cache-control']), /no-store/);
    const doc = parseHtml(res.body);
    const summary = doc.querySelector('[role="alert"]');
    assert.ok(summary);
    assert.ok(summary.querySelector('a[href="#comment-body"]'));
    assert.ok(summary.querySelector('a[href="#comment-email"]'));
    const body = doc.querySelector('#comment-body');
    assert.equal(body?.getAttribute('aria-invalid'), 'true');
    assert.match(String(body?.getAttribute('aria-describedby')), /comment-body-error/);
    assert.match(textOf(doc.querySelector('#comment-body-error')), /Write your comment/);
    assert.equal(doc.querySelector('#comment-email')?.getAttribute('aria-invalid'), 'true');
    assert.equal(doc.querySelector('#comment-name')?.getAttribute('value'), 'Kept Name');
    assert.equal(doc.querySelector('#comment-name')?.getAttribute('aria-invalid'), null);
    for (const input of doc.querySelectorAll('.comment-form input:not([type="hidden"]), .comment-form textarea')) {
      assert.ok(doc.querySelector(`label[for="${input.id}"]`), `${input.id} has a label`);
    }
    const long = await post(commentForm(a, { body: 'x'.repeat(6000) }));
    assert.equal(long.statusCode, 422);
    assert.match(textOf(parseHtml(long.body).querySelector('#comment-body-error')), /too long: keep it to 5,000/);
    assert.equal(parseHtml(long.body).querySelector('#comment-body')?.textContent?.length, 6000);
  });

  test('a closed article refuses with a message, and shows no form', async () => {
    const a = await article({ commentsMode: 'closed' });
    const res = await post(commentForm(a));
    assert.equal(res.statusCode, 422);
    assert.match(textOf(parseHtml(res.body).querySelector('[role="alert"]')), /Comments are closed for this story\./);
    const { doc } = await getPage(t.app, urlOf(t.services, a));
    assert.equal(doc.querySelector('#comments form'), null);
    assert.match(textOf(doc.querySelector('#comments')), /Comments are closed/);
  });

  test('a second post inside the rate limit answers 429 with when to try again', async () => {
    await t.services.comments.settings.update({ rateLimitSeconds: 15 });
    const a = await article();
    const fields = commentForm(a);
    assert.equal((await post(fields)).statusCode, 303);
    const again = await post({ ...fields, body: 'And another thought straight after.' });
    assert.equal(again.statusCode, 429);
    assert.equal(again.headers['retry-after'], '15');
    assert.match(textOf(parseHtml(again.body).querySelector('#comment-body-error')), /wait 15 seconds/);
  });

  test('a post from another site is refused', async () => {
    const a = await article();
    assert.equal((await post(commentForm(a), { origin: 'https://evil.example' })).statusCode, 403);
    assert.equal((await post(commentForm(a), { origin: 'null' })).statusCode, 403);
    const viaReferer = await t.app.inject({
      method: 'POST',
      url: '/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://evil.example/page' },
      payload: form(commentForm(a)),
    });
    assert.equal(viaReferer.statusCode, 403);
    assert.equal(await t.services.comments.countApproved(a.id), 0);
  });

  test('"Load more comments" pages through every comment once; pages past the first are never stored', async () => {
    const a = await article();
    const made: number[] = [];
    for (let i = 0; i < 45; i++) made.push((await seed({ articleId: a.id, body: `Comment number ${i}.` })).id);
    const seen: number[] = [];
    let { doc } = await getPage(t.app, urlOf(t.services, a));
    for (let guard = 0; guard < 10; guard++) {
      seen.push(...ids(doc, '.comments__list > li > article'));
      const more = doc.querySelector('.comments__more a')?.getAttribute('href');
      if (!more) break;
      assert.match(more, /^\/comments\/\d+\?sort=oldest&after=/);
      const page = await getPage(t.app, more);
      assert.equal(page.res.statusCode, 200);
      assert.equal(page.res.headers['cache-control'], 'no-store', 'an unbounded cursor cannot fill the cache');
      doc = page.doc;
    }
    assert.deepEqual(seen, made);
    // A sort's first page is cached, and a new comment purges it with the article.
    const more = `/comments/${a.id}?sort=newest`;
    await getPage(t.app, more);
    assert.equal((await getPage(t.app, more)).res.headers['x-cache'], 'HIT');
    await seed({ articleId: a.id, body: 'The newest one.' });
    assert.equal((await getPage(t.app, more)).res.headers['x-cache'], 'MISS');
  });

  test('the reply page shows the parent and a form that posts the reply', async () => {
    const a = await article();
    const parent = await seed({ articleId: a.id, body: 'Reply to me.' });
    const { res, doc } = await getPage(t.app, `/comments/${a.id}/reply/${parent.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(textOf(doc.querySelector(`#comment-${parent.id}`)), /Reply to me\./);
    assert.equal(doc.querySelector('input[name="parentId"]')?.getAttribute('value'), String(parent.id));
    assert.ok(doc.querySelector('input[name="clientKey"]')?.getAttribute('value'));
    const sent = await post(commentForm(a, { parentId: String(parent.id), body: 'Here is my reply.' }));
    assert.equal(sent.statusCode, 303);
    const id = Number(String(sent.headers.location).split('/').pop());
    assert.equal((await t.services.comments.findComment(id))?.parentId, parent.id);
    assert.equal((await getPage(t.app, `/comments/${a.id}/reply/999999`)).res.statusCode, 404);
  });

  test('the JSON endpoints: like once, report, edit within the window, delete own', async () => {
    const a = await article();
    const other = await seed({ articleId: a.id, body: 'Somebody else wrote this.' });
    const res = await post(commentForm(a, { body: 'Mine to change.' }));
    const cookie = readerCookieOf(res);
    const mine = Number(String(res.headers.location).split('/').pop());
    const api = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = {}) =>
      t.app.inject({ method, url, headers: { cookie, origin, ...headers }, ...(payload ? { payload } : {}) });

    const like = await api('POST', `/api/comments/${other.id}/likes`);
    assert.equal(like.statusCode, 200);
    assert.deepEqual(like.json(), { likeCount: 1 });
    assert.deepEqual((await api('POST', `/api/comments/${other.id}/likes`)).json(), { likeCount: 1 });
    assert.equal((await api('POST', `/api/comments/${mine}/likes`)).statusCode, 403);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/comments/${other.id}/likes` });
    assert.equal(anonymous.statusCode, 401);
    assert.match(anonymous.json().error.message, /post a comment first/);
    const [id, nonce] = cookie.replace('nd_reader=', '').split('.');
    const forged = `nd_reader=${Number(id) + 1}.${nonce}.${'A'.repeat(43)}`;
    assert.equal((await api('POST', `/api/comments/${other.id}/likes`, undefined, { cookie: forged })).statusCode, 401);
    assert.equal(
      (await api('POST', `/api/comments/${other.id}/likes`, undefined, { origin: 'https://evil.example' })).statusCode,
      403,
    );
    assert.equal((await api('POST', '/api/comments/abc/likes')).statusCode, 400);

    const report = await api('POST', `/api/comments/${other.id}/reports`, { reason: 'abusive', note: 'Rude.' });
    assert.equal(report.statusCode, 201);
    const badReason = await api('POST', `/api/comments/${other.id}/reports`, { reason: 'boring' });
    assert.equal(badReason.statusCode, 422);
    assert.equal(badReason.json().error.fields[0].field, 'reason');

    const edit = await api('PATCH', `/api/comments/${mine}`, { body: 'Changed, **within** the window.' });
    assert.equal(edit.statusCode, 200);
    assert.equal(edit.json().status, 'approved');
    assert.match(edit.json().bodyHtml, /<strong>within<\/strong>/);
    assert.equal((await api('PATCH', `/api/comments/${other.id}`, { body: 'Not mine.' })).statusCode, 403);
    assert.equal((await api('PATCH', `/api/comments/${mine}`, { text: 'wrong field' })).statusCode, 422);
    clock.advance(6 * 60_000);
    const late = await api('PATCH', `/api/comments/${mine}`, { body: 'Too late now.' });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().error.message, /edited for 5 minutes/);

    assert.equal((await api('DELETE', `/api/comments/${other.id}`)).statusCode, 403);
    const deleted = await api('DELETE', `/api/comments/${mine}`);
    assert.equal(deleted.statusCode, 200);
    assert.equal(deleted.json().status, 'deleted');
    const { doc } = await getPage(t.app, urlOf(t.services, a));
    assert.equal(doc.querySelector(`#comment-${mine}`), null, 'deleted without replies: gone, not a placeholder');
  });

  test('the article page runs as many queries with 30 comments as with 1', async () => {
    const a = await article();
    const url = urlOf(t.services, a);
    const queries = async () => {
      t.services.purgeBus.purgeAll();
      t.queries.length = 0;
      assert.equal((await getPage(t.app, url)).res.statusCode, 200);
      return t.queries.length;
    };
    const root = await seed({ articleId: a.id, body: 'The only one.' });
    await seed({ articleId: a.id, parentId: root.id, body: 'A reply.' });
    const few = await queries();
    for (let i = 0; i < 30; i++) {
      const made = await seed({ articleId: a.id, body: `More ${i}.` });
      if (i % 3 === 0) await seed({ articleId: a.id, parentId: made.id, body: `Reply ${i}.` });
    }
    assert.equal(await queries(), few);
  });

  test('a reader downloads their data and deletes it', async () => {
    const a = await article();
    const res = await post(commentForm(a, { body: 'Mine to take away.' }));
    assert.equal(res.statusCode, 303);
    const cookie = readerCookieOf(res);
    const url = urlOf(t.services, a);

    const data = await t.app.inject({ url: '/api/readers/me/data', headers: { cookie } });
    assert.equal(data.statusCode, 200);
    assert.match(String(data.headers['content-disposition']), /attachment/);
    assert.match(data.body, /Mine to take away\./);
    assert.equal(data.headers['cache-control'], 'no-store');
    assert.equal((await t.app.inject('/api/readers/me/data')).statusCode, 401, 'nobody else’s data without the cookie');

    const gone = await t.app.inject({ method: 'DELETE', url: '/api/readers/me', headers: { cookie, origin } });
    assert.equal(gone.statusCode, 200);
    assert.doesNotMatch((await getPage(t.app, url)).res.body, /Mine to take away/);
    const again = await t.app.inject({ url: '/api/readers/me/data', headers: { cookie } });
    assert.doesNotMatch(again.body, /Mine to take away/);
  });

  test(`XSS: ${xssVectors.length} known vectors posted as comments leave no markup outside the allowed set`, async () => {
    assert.ok(xssVectors.length >= 50);
    const a = await article();
    for (const vector of xssVectors) {
      const res = await post(commentForm(a, { body: vector }));
      assert.ok(res.statusCode === 303 || res.statusCode === 422, `${vector}: ${res.statusCode}`);
    }
    assert.ok((await t.services.comments.countApproved(a.id)) >= 45, 'most vectors are published, and checked');

    let url: string | null = urlOf(t.services, a);
    let checked = 0;
    while (url) {
      const { doc } = await getPage(t.app, url);
      const section = doc.querySelector('#comments');
      assert.ok(section);
      for (const el of [section, ...section.querySelectorAll('*')]) {
        const inBody = el.parentElement?.closest('.comment__body') !== null;
        const where: string = `<${el.tagName.toLowerCase()}> in ${url}`;
        if (inBody) {
          assert.ok(bodyTags.has(el.tagName), `${where}: not a comment tag`);
          for (const attr of el.getAttributeNames()) {
            assert.ok(el.tagName === 'A' && (attr === 'href' || attr === 'rel'), `${where}: attribute ${attr}`);
          }
          if (el.tagName === 'A') {
            assert.match(String(el.getAttribute('href')), /^https?:\/\//, where);
            assert.equal(el.getAttribute('rel'), 'nofollow ugc noopener', where);
          }
        } else {
          assert.ok(sectionTags.has(el.tagName), `${where}: not a tag of ours`);
          for (const attr of el.getAttributeNames())
            assert.ok(sectionAttributes.has(attr), `${where}: attribute ${attr}`);
          const href = el.getAttribute('href');
          if (href !== null) assert.match(href, /^(\/|#|https?:\/\/)/, where);
        }
        checked++;
      }
      url = doc.querySelector('.comments__more a')?.getAttribute('href') ?? null;
    }
    assert.ok(checked > 200);
  });
});
