import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { getPage, type Page, parseHtml, textOf, urlOf } from '../../test/helpers/html.js';
import type { ArticleRecord } from '../articles/articles.service.js';
import type { SubmitCommentInput } from './comments.service.js';

/**
 * What the comments island relies on over HTTP: posting as JSON through the same pipeline
 * as the plain form, comments by id and a branch's replies as ready markup, the pages behind
 * "N more replies", and the article page closing on its own after autoCloseDays.
 */

const origin = 'http://news.test';
let n = 0;

eachDialect('the comments island over HTTP', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let staffId: number;

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    t = await buildTestApp(dialect, { clock });
    staffId = (await t.services.staff.createStaff({ email: 'mod@newsroom.test', name: 'Mod', role: 'moderator' })).id;
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.services.comments.settings.update({
      newCommenterApprovals: 0,
      rateLimitSeconds: 0,
      minSubmitSeconds: 0,
      guestsAllowed: true,
    });
    clock.advance(120_000);
  });

  const article = (spec: Parameters<typeof buildArticle>[1] = {}) =>
    buildArticle(t.services, { published: clock.now(), ...spec });
  const seed = (input: Omit<SubmitCommentInput, 'ip' | 'commenter'>) => {
    clock.advance(1000);
    const who = ++n;
    return t.services.comments.submitComment({
      ip: `10.2.0.${who % 250}`,
      commenter: { kind: 'guest', name: `Reader ${who}`, email: `reader${who}@example.com` },
      ...input,
    });
  };
  const postJson = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/comments', headers: { origin, ...headers }, payload });
  const fields = (a: ArticleRecord, extra: Record<string, unknown> = {}) => ({
    articleId: String(a.id),
    name: 'Ines Island',
    email: `ines.${++n}@example.com`,
    body: 'Posted without a page load.',
    renderedAt: String(clock.now().getTime() - 30_000),
    website: '',
    ...extra,
  });
  const cookieOf = (res: LightMyRequestResponse) => {
    const cookie = res.cookies.find((c) => c.name === 'nd_reader');
    assert.ok(cookie, 'the reader cookie is set');
    return `nd_reader=${cookie.value}`;
  };
  const idsIn = (scope: Pick<Page, 'querySelectorAll'>, selector: string) =>
    Array.from(scope.querySelectorAll(selector)).map((el) => Number(el.getAttribute('id')?.replace('comment-', '')));

  test('a published post answers 201 with its markup and the reader cookie, and the article page shows it', async () => {
    const a = await article();
    const url = urlOf(t.services, a);
    await getPage(t.app, url);
    const res = await postJson(fields(a, { body: 'The **ferry** timetable is wrong again.' }));
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'no-store');
    const answer = res.json();
    assert.equal(answer.published, true);
    assert.equal(answer.comment.status, 'approved');
    assert.equal(answer.comment.parentId, null);
    assert.match(answer.message, /published/);
    assert.ok(answer.comment.editableForMs > 0);
    const html = parseHtml(`<body>${answer.html}</body>`);
    assert.equal(textOf(html.querySelector(`#comment-${answer.comment.id} .comment__author`)), 'Ines Island');
    assert.equal(textOf(html.querySelector('.comment__body strong')), 'ferry');
    cookieOf(res);
    assert.equal((await t.services.comments.findComment(answer.comment.id))?.status, 'approved');
    const page = await getPage(t.app, url);
    assert.equal(page.res.headers['x-cache'], 'MISS', 'the post purged the cached page');
    assert.ok(page.doc.querySelector(`#comment-${answer.comment.id}`));
  });

  test('a reply goes under its parent, and a held comment answers 202 with why it waits', async () => {
    const a = await article();
    const parent = await seed({ articleId: a.id, body: 'Start of a thread.' });
    const reply = await postJson(fields(a, { parentId: String(parent.id), body: 'A reply, inline.' }));
    assert.equal(reply.statusCode, 201);
    assert.equal(reply.json().comment.parentId, parent.id);
    assert.equal(reply.json().comment.rootId, parent.id);

    await t.services.comments.settings.update({ newCommenterApprovals: 1 });
    const held = await postJson(fields(a, { body: 'My very first words here.' }));
    assert.equal(held.statusCode, 202);
    assert.equal(held.json().published, false);
    assert.equal(held.json().comment.status, 'pending');
    assert.match(held.json().message, /waiting for a moderator: a moderator reads the first comments/);
    const { doc } = await getPage(t.app, urlOf(t.services, a));
    assert.equal(doc.querySelector(`#comment-${held.json().comment.id}`), null, 'not on the page until approved');
  });

  test('mistakes answer 422 field by field; refusals say why, with their own status', async () => {
    const a = await article();
    const bad = await postJson(fields(a, { body: '  ', email: 'not-an-address' }));
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.code, 'validation_failed');
    assert.deepEqual(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
      ['body', 'email'],
    );
    const missing = await postJson({ name: 'No article' });
    assert.equal(missing.statusCode, 422);
    assert.ok(missing.json().error.fields.some((f: { field: string }) => f.field === 'articleId'));
    const wrongType = await postJson(fields(a, { body: { html: '<b>' } }));
    assert.equal(wrongType.statusCode, 422);

    assert.equal((await postJson(fields(a), { origin: 'https://evil.example' })).json().error.code, 'csrf_failed');
    assert.equal((await postJson(fields(a, { articleId: '999999' }))).statusCode, 404);
    assert.equal((await postJson(fields(a, { parentId: 'not-a-number' }))).statusCode, 404);
    const gone = await postJson(fields(a, { parentId: '999999' }));
    assert.equal(gone.statusCode, 422);
    assert.match(gone.json().error.message, /replying to is no longer there/);

    const closed = await postJson(fields(await article({ commentsMode: 'closed' })));
    assert.equal(closed.statusCode, 422);
    assert.match(closed.json().error.message, /Comments are closed/);

    await t.services.comments.settings.update({ rateLimitSeconds: 15 });
    const first = await postJson(fields(a, { email: 'quick@example.com', body: 'One thought.' }));
    assert.equal(first.statusCode, 201);
    const quick = await postJson(fields(a, { email: 'quick@example.com', body: 'And another, at once.' }));
    assert.equal(quick.statusCode, 429);
    assert.equal(quick.json().error.code, 'rate_limited');
    assert.equal(quick.headers['retry-after'], '15');

    const banned = await t.services.comments.findComment(first.json().comment.id);
    assert.ok(banned);
    await t.services.comments.banCommenter(banned.commenterId, {}, staffId);
    clock.advance(60_000);
    const refused = await postJson(fields(a, { email: 'quick@example.com', body: 'Let me back in.' }));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'forbidden');
    assert.match(refused.json().error.message, /no longer comment/);

    await t.services.comments.settings.update({ guestsAllowed: false });
    const guest = await postJson(fields(a));
    assert.equal(guest.statusCode, 403);
    assert.match(guest.json().error.message, /confirmed their email/);
  });

  test('a resubmitted post is accepted once: the same client key, or the same text within a minute', async () => {
    const a = await article();
    const same = fields(a, {
      clientKey: 'c0ffee00-1234-4321-beef-000000000001',
      body: 'Sent twice by a flaky network.',
    });
    const one = await postJson(same);
    const two = await postJson(same);
    assert.equal(one.statusCode, 201);
    assert.equal(two.statusCode, 201);
    assert.equal(two.json().comment.id, one.json().comment.id);

    const noKey = fields(a, { body: 'Pressed the button twice.' });
    const three = await postJson(noKey);
    clock.advance(5_000);
    const four = await postJson(noKey);
    assert.equal(four.json().comment.id, three.json().comment.id);
    assert.equal(await t.services.comments.countApproved(a.id), 2);
  });

  test('comments by id come as ready markup, visible ones on that article only', async () => {
    const a = await article();
    const other = await article();
    const shown = await seed({ articleId: a.id, body: 'Shown to everyone.' });
    const elsewhere = await seed({ articleId: other.id, body: 'On another story.' });
    await t.services.comments.settings.update({ premoderateAll: true });
    const waiting = await seed({ articleId: a.id, body: 'Waiting for a moderator.' });
    await t.services.comments.settings.update({ premoderateAll: false });

    const res = await t.app.inject(`/api/comments?articleId=${a.id}&ids=${shown.id},${elsewhere.id},${waiting.id}`);
    assert.equal(res.statusCode, 200);
    const got = res.json().comments as { id: number; html: string }[];
    assert.deepEqual(
      got.map((c) => c.id),
      [shown.id],
    );
    assert.match(got[0]?.html ?? '', /Shown to everyone\./);
    assert.equal((await t.app.inject(`/api/comments?articleId=${a.id}&ids=1;drop`)).statusCode, 400);
    assert.equal((await t.app.inject(`/api/comments?articleId=${a.id}`)).statusCode, 400);
  });

  test('"N more replies" follows approvals, rejections, held replies and deletions at every depth, as a recount', async () => {
    const a = await article();
    const root = await seed({ articleId: a.id, body: 'A comment that started a long argument.' });
    const replies: number[] = [];
    for (let i = 0; i < 14; i++) {
      const parentId = i % 4 === 3 ? (replies[replies.length - 1] as number) : root.id;
      replies.push((await seed({ articleId: a.id, parentId, body: `Long argument, reply ${i}.` })).id);
    }
    const moreText = async () => {
      const { doc } = await getPage(t.app, urlOf(t.services, a));
      const item = doc.querySelector(`#comment-${root.id}`)?.parentElement;
      return textOf(item?.querySelector('.comments__more-replies a') ?? null);
    };
    const recount = async () =>
      (
        await t.services.db.kysely
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('root_id', '=', root.id)
          .where('depth', '>', 0)
          .where('status', '=', 'approved')
          .executeTakeFirstOrThrow()
      ).n;
    const kept = async () =>
      (
        await t.services.db.kysely
          .selectFrom('comments')
          .select('branch_count')
          .where('id', '=', root.id)
          .executeTakeFirstOrThrow()
      ).branch_count;

    assert.equal(await moreText(), '4 more replies');
    // A moderator rejects one of the replies beyond the first ten: one fewer.
    await t.services.comments.moderate(replies[12] as number, 'reject', staffId, 'off topic');
    assert.equal(await moreText(), '3 more replies');
    // A reply held for a moderator counts once approved, not before.
    await t.services.comments.settings.update({ premoderateAll: true });
    const held = await seed({ articleId: a.id, parentId: replies[2] as number, body: 'Waiting for a moderator.' });
    assert.equal(held.status, 'pending');
    assert.equal(await moreText(), '3 more replies');
    await t.services.comments.moderate(held.id, 'approve', staffId);
    assert.equal(await moreText(), '4 more replies');
    await t.services.comments.settings.update({ premoderateAll: false });
    // Its author deletes a shown reply: one of the rest moves up into the first ten.
    const author = (await t.services.comments.findComment(replies[0] as number))?.commenterId as number;
    await t.services.comments.deleteOwnComment({ commentId: replies[0] as number, commenterId: author });
    assert.equal(await moreText(), '3 more replies');
    assert.equal(Number(await recount()), 13);
    assert.equal(await kept(), 13, 'the kept count equals a recount');
  });

  test('a branch of 25 replies: 10 on the article page and "15 more replies"; its pages list the rest, once', async () => {
    const a = await article();
    const root = await seed({ articleId: a.id, body: 'A popular comment.' });
    const replies: number[] = [];
    for (let i = 0; i < 25; i++) {
      const parentId = i % 5 === 4 && replies.length > 0 ? (replies[replies.length - 1] as number) : root.id;
      replies.push((await seed({ articleId: a.id, parentId, body: `Reply number ${i}.` })).id);
    }
    const { doc } = await getPage(t.app, urlOf(t.services, a));
    const item = doc.querySelector(`#comment-${root.id}`)?.parentElement;
    assert.ok(item);
    assert.deepEqual(idsIn(item, '.comments__replies article').sort(), replies.slice(0, 10).sort());
    const more = item.querySelector('.comments__more-replies a');
    assert.equal(textOf(more), '15 more replies');
    const href = String(more?.getAttribute('href'));
    assert.match(href, new RegExp(`^/comments/${a.id}/replies/${root.id}\\?after=`));

    // Without JavaScript: the page behind the link lists replies 11 to 25 under the comment, and stops.
    const rest = await getPage(t.app, href);
    assert.equal(rest.res.statusCode, 200);
    assert.equal(rest.res.headers['cache-control'], 'no-store', 'a page past the first is never stored');
    assert.ok(rest.doc.querySelector(`#comment-${root.id}`));
    assert.deepEqual(idsIn(rest.doc, '.comments__replies article').sort(), replies.slice(10).sort());
    assert.equal(rest.doc.querySelector('.comments__more'), null);
    assert.ok(rest.doc.querySelector(`a[href="/comments/${a.id}/replies/${root.id}"]`), 'a way back to the first');

    // From the first reply: 20 a page, then the cursor gives the last 5.
    const first = await getPage(t.app, `/comments/${a.id}/replies/${root.id}`);
    assert.equal(idsIn(first.doc, '.comments__replies article').length, 20);
    const next = first.doc.querySelector('.comments__more a')?.getAttribute('href');
    assert.ok(next);
    const last = await getPage(t.app, next);
    assert.deepEqual(idsIn(last.doc, '.comments__replies article').sort(), replies.slice(20).sort());

    // The island's way: the same replies as markup, by the same cursor.
    const cursor = new URL(href, origin).searchParams.get('after') ?? '';
    const json = await t.app.inject(`/api/comments/${root.id}/replies?after=${encodeURIComponent(cursor)}`);
    assert.equal(json.statusCode, 200);
    const got = json.json() as { replies: { id: number; parentId: number; html: string }[]; next: string | null };
    assert.deepEqual(got.replies.map((r) => r.id).sort(), replies.slice(10).sort());
    assert.equal(got.next, null);
    assert.ok(got.replies.every((r) => r.html.includes(`id="comment-${r.id}"`)));

    assert.equal((await getPage(t.app, `/comments/${a.id}/replies/${root.id}?after=bogus`)).res.statusCode, 400);
    assert.equal((await getPage(t.app, `/comments/${a.id}/replies/${replies[0]}`)).res.statusCode, 404);
    assert.equal((await t.app.inject(`/api/comments/${replies[0]}/replies`)).statusCode, 404);
    assert.equal((await getPage(t.app, `/comments/${a.id}/replies/999999`)).res.statusCode, 404);
  });

  test('comments close on their own after autoCloseDays: the cached page expires then and shows no form', async () => {
    // Published 14 days ago less a minute: open for one more minute.
    const published = new Date(clock.now().getTime() - 14 * 86_400_000 + 60_000);
    const a = await article({ published });
    const parent = await seed({ articleId: a.id, body: 'Said while it was open.' });
    const url = urlOf(t.services, a);
    const open = await getPage(t.app, url);
    assert.ok(open.doc.querySelector('#comments form[action="/comments"]'));
    assert.equal((await getPage(t.app, url)).res.headers['x-cache'], 'HIT');

    clock.advance(61_000);
    const closed = await getPage(t.app, url);
    assert.equal(closed.res.headers['x-cache'], 'MISS', 'the page expired when comments closed');
    assert.equal(textOf(closed.doc.querySelector('.comments__closed')), 'Comments are closed for this story.');
    assert.equal(closed.doc.querySelector('#comments form'), null);
    assert.equal(closed.doc.querySelector('.comment__reply'), null, 'no reply links either');
    assert.ok(closed.doc.querySelector(`#comment-${parent.id}`), 'what was said stays');

    const late = await postJson(fields(a));
    assert.equal(late.statusCode, 422);
    assert.match(late.json().error.message, /closed 14 days after it was published/);
    const thread = await getPage(t.app, `/comments/${a.id}`);
    assert.match(textOf(thread.doc.querySelector('#comments')), /Comments are closed/);
    const replyPage = await getPage(t.app, `/comments/${a.id}/reply/${parent.id}`);
    assert.equal(replyPage.doc.querySelector('#comments form'), null);
  });

  test('a signed-in reader posts as themselves with their session’s token; without it, nothing is stored', async () => {
    const a = await article();
    const email = `verified.${++n}@example.com`;
    await t.services.readers.requestSignIn({ email, name: 'Vera Verified', ip: '10.2.9.9' });
    const mail = await t.services.db.kysely
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    const link = /\/readers\/confirm\/(\S+)/.exec(mail.text_body)?.[1];
    assert.ok(link, 'the sign-in mail carries its link');
    const session = await t.services.readers.confirm(link);
    const cookie = `nd_reader_session=${session.token}`;

    const me = await t.app.inject({ url: '/api/readers/me', headers: { cookie } });
    const token = me.json().csrfToken as string;
    const body = { articleId: a.id, body: 'Posted as a verified reader.', renderedAt: clock.now().getTime() - 30_000 };
    const refused = await postJson(body, { cookie });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().error.message, /signed in as Vera Verified/);
    assert.equal(await t.services.comments.countApproved(a.id), 0);

    const res = await postJson(body, { cookie, 'x-csrf-token': token });
    assert.equal(res.statusCode, 201);
    const stored = await t.services.comments.findComment(res.json().comment.id);
    assert.equal(stored?.commenterId, session.commenterId);
    assert.match(res.json().html, /Vera Verified/);
  });

  test('a browser learns which comments are its own, and until when each can be edited', async () => {
    const a = await article();
    await seed({ articleId: a.id, body: 'Not mine.' });
    const res = await postJson(fields(a, { body: 'Mine to edit.' }));
    const cookie = cookieOf(res);
    const mine = await t.app.inject({ url: `/api/readers/me/comments?articleId=${a.id}`, headers: { cookie } });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.headers['cache-control'], 'no-store');
    const listed = mine.json().comments as { id: number; body: string; editableUntil: string }[];
    assert.deepEqual(
      listed.map((c) => [c.id, c.body]),
      [[res.json().comment.id, 'Mine to edit.']],
    );
    assert.equal(Date.parse(listed[0]?.editableUntil ?? '') - Date.parse(mine.json().now), 5 * 60_000);
    const nobody = await t.app.inject(`/api/readers/me/comments?articleId=${a.id}`);
    assert.equal(nobody.statusCode, 200);
    assert.deepEqual(nobody.json().comments, []);
  });
});
