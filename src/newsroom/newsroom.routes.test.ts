import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, sessionCookieOf, signedIn, testPassword } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { type SmtpSink, startSmtpSink } from '../../test/helpers/smtp-sink.js';

const json = (email: string, password: string) => ({ email, password });

eachDialect('newsroom first run', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('asks for an owner, creates exactly one, signs them in, then refuses a second', async () => {
    assert.deepEqual((await t.app.inject('/api/admin/setup')).json(), { needsOwner: true });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/admin/setup',
      payload: { name: '', email: 'not-an-address', password: 'short' },
    });
    assert.equal(weak.statusCode, 422);
    assert.deepEqual(
      weak
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
      ['email', 'name', 'password'],
    );

    const made = await t.app.inject({
      method: 'POST',
      url: '/api/admin/setup',
      payload: { name: 'Ana Owner', email: 'Ana@Courier.test', password: testPassword },
    });
    assert.equal(made.statusCode, 201);
    const body = made.json();
    assert.equal(body.staff.role, 'owner');
    assert.equal(body.staff.email, 'ana@courier.test');
    assert.equal(body.abilities['staff.manage'], 'any');
    const setCookie = String(made.headers['set-cookie']);
    assert.match(setCookie, /nd_session=/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    assert.doesNotMatch(setCookie, /Secure/, 'plain http in tests: no Secure flag');

    const me = await t.app.inject({
      url: '/api/admin/session',
      headers: { cookie: `nd_session=${sessionCookieOf(made)}` },
    });
    assert.equal(me.json().staff.name, 'Ana Owner');

    assert.deepEqual((await t.app.inject('/api/admin/setup')).json(), { needsOwner: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/admin/setup',
      payload: { name: 'Mallory', email: 'mallory@example.test', password: testPassword },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'conflict');
  });
});

eachDialect('newsroom sign-in and sessions', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-28T09:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  after(() => t.close());

  test('signs in with the right password only, and signs out', async () => {
    await t.services.staff.createStaff({
      email: 'bo@courier.test',
      name: 'Bo',
      role: 'editor',
      password: testPassword,
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: json('bo@courier.test', 'nope nope nope'),
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'unauthorized');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: json('nobody@courier.test', testPassword),
    });
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.json().error.message, wrong.json().error.message, 'no hint whether the address exists');

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: json('BO@courier.test', testPassword),
    });
    assert.equal(ok.statusCode, 200);
    const client = clientFor(t, ok.json().staff, sessionCookieOf(ok) as string, ok.json().csrfToken);
    assert.equal((await client.get('/api/admin/session')).statusCode, 200);
    assert.equal((await client.delete('/api/admin/session')).statusCode, 204);
    assert.equal((await client.get('/api/admin/session')).statusCode, 401, 'the session is gone on the server');
  });

  test('the password is stored as argon2id, never as given', async () => {
    const row = await t.services.db.kysely
      .selectFrom('staff')
      .select('password_hash')
      .where('email', '=', 'bo@courier.test')
      .executeTakeFirstOrThrow();
    assert.match(String(row.password_hash), /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('failed sign-ins meet growing delays, per address, and a success clears them', async () => {
    await t.services.staff.createStaff({
      email: 'cy@courier.test',
      name: 'Cy',
      role: 'author',
      password: testPassword,
    });
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/admin/session',
        payload: json('cy@courier.test', password),
        remoteAddress: '203.0.113.7',
      });
    for (let i = 0; i < 2; i++) assert.equal((await attempt('wrong password!')).statusCode, 401);
    // The third failure starts the delays: 1 s, then 2 s, then 4 s.
    assert.equal((await attempt('wrong password!')).statusCode, 401);
    const blocked = await attempt(testPassword);
    assert.equal(blocked.statusCode, 429, 'even the right password waits out the delay');
    assert.equal(blocked.json().error.code, 'rate_limited');
    assert.equal(blocked.headers['retry-after'], '1');

    clock.advance(1100);
    assert.equal((await attempt('wrong password!')).statusCode, 401);
    const longer = await attempt('wrong password!');
    assert.equal(longer.statusCode, 429);
    assert.equal(longer.headers['retry-after'], '2', 'the fourth failure costs 2 s');

    clock.advance(2100);
    assert.equal((await attempt('wrong password!')).statusCode, 401);
    assert.equal((await attempt(testPassword)).headers['retry-after'], '4', 'the fifth costs 4 s');

    clock.advance(4100);
    assert.equal((await attempt(testPassword)).statusCode, 200);
    assert.equal((await attempt('wrong password!')).statusCode, 401, 'after a success the count starts again');
    assert.equal((await attempt(testPassword)).statusCode, 200);
  });

  test('a session expires after the idle period', async () => {
    const client = await signedIn(t, 'editor');
    assert.equal((await client.get('/api/admin/session')).statusCode, 200);
    clock.advance(15 * 24 * 3600_000);
    assert.equal((await client.get('/api/admin/session')).statusCode, 401);
  });

  test('writes need the CSRF token; a cross-site Origin is refused', async () => {
    const owner = await signedIn(t, 'owner');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { cookie: `nd_session=${owner.cookie}` },
      payload: { email: 'x@courier.test', name: 'X', role: 'author' },
    });
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.json().error.code, 'csrf_failed');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { cookie: `nd_session=${owner.cookie}`, 'x-csrf-token': 'guess' },
      payload: { email: 'x@courier.test', name: 'X', role: 'author' },
    });
    assert.equal(wrongToken.json().error.code, 'csrf_failed');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { origin: 'https://evil.example' },
      payload: json('bo@courier.test', testPassword),
    });
    assert.equal(crossSite.statusCode, 403);
    assert.equal(crossSite.json().error.code, 'csrf_failed');
  });

  test('no session answers 401 and newsroom answers are never cached', async () => {
    const res = await t.app.inject('/api/admin/articles');
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'unauthorized');
    const owner = await signedIn(t, 'owner');
    const list = await owner.get('/api/admin/staff');
    assert.equal(list.headers['cache-control'], 'no-store');
  });

  test('suspending a person signs them out at once; the last owner cannot be demoted or removed', async () => {
    const owner = await signedIn(t, 'owner');
    const editor = await signedIn(t, 'editor');
    const suspended = await owner.patch(`/api/admin/staff/${editor.staff.id}`, { status: 'suspended' });
    assert.equal(suspended.statusCode, 200);
    assert.equal((await editor.get('/api/admin/session')).statusCode, 401);

    const owners = await t.services.db.kysely.selectFrom('staff').select('id').where('role', '=', 'owner').execute();
    for (const o of owners) {
      if (o.id !== owner.staff.id) await t.services.db.kysely.deleteFrom('staff').where('id', '=', o.id).execute();
    }
    const leaving = await signedIn(t, 'author');
    assert.equal((await owner.delete(`/api/admin/staff/${leaving.staff.id}`)).statusCode, 204);
    assert.equal((await leaving.get('/api/admin/session')).statusCode, 401, 'a removed person is signed out');
    assert.equal((await owner.delete(`/api/admin/staff/${leaving.staff.id}`)).statusCode, 404);

    const demote = await owner.patch(`/api/admin/staff/${owner.staff.id}`, { role: 'editor' });
    assert.equal(demote.statusCode, 409);
    const remove = await owner.delete(`/api/admin/staff/${owner.staff.id}`);
    assert.equal(remove.statusCode, 409);
    assert.equal((await owner.get('/api/admin/session')).json().staff.role, 'owner');
  });
});

eachDialect('newsroom mail: invitations and password resets over SMTP', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
    t = await buildTestApp(dialect, {
      env: { NEWSDESK_SMTP_URL: sink.url, NEWSDESK_MAIL_FROM: 'Courier Newsroom <newsroom@courier.test>' },
    });
  });
  after(async () => {
    await t.close();
    await sink.stop();
  });

  test('an invitation reaches the person; its link sets a password once and signs them in', async () => {
    const owner = await signedIn(t, 'owner');
    const invited = await owner.post('/api/admin/staff', { email: 'dee@courier.test', name: 'Dee', role: 'author' });
    assert.equal(invited.statusCode, 201);
    assert.equal(invited.json().status, 'invited');
    await t.services.jobs.runDue();
    const mail = await sink.waitFor((m) => m.to.includes('dee@courier.test'));
    assert.match(mail.subject, /invited/i);
    assert.equal(mail.header('from'), 'Courier Newsroom <newsroom@courier.test>');
    const link = mail.links.find((l) => l.startsWith('http://news.test/newsroom/invite/'));
    assert.ok(link, `an invitation link in: ${mail.text}`);
    const token = link.split('/').pop() as string;

    const details = await t.app.inject(`/api/admin/invitations/${token}`);
    assert.deepEqual(details.json(), { email: 'dee@courier.test', name: 'Dee', role: 'author' });
    const notYet = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: json('dee@courier.test', testPassword),
    });
    assert.equal(notYet.statusCode, 401, 'an invited person cannot sign in before accepting');

    const accepted = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/invitations/${token}`,
      payload: { name: 'Dee Reporter', password: testPassword },
    });
    assert.equal(accepted.statusCode, 200);
    assert.equal(accepted.json().staff.status, 'active');
    assert.equal(accepted.json().staff.name, 'Dee Reporter');
    assert.ok(sessionCookieOf(accepted));

    const reused = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/invitations/${token}`,
      payload: { password: 'another password 1' },
    });
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.json().error.code, 'gone');
  });

  test('a reset link reaches the person, works once, and signs out old sessions', async () => {
    const author = await signedIn(t, 'author', { email: 'eve@courier.test' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email: 'ghost@courier.test' },
    });
    assert.equal(unknown.statusCode, 202, 'the same answer for an unknown address');
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email: 'eve@courier.test' },
    });
    assert.equal(asked.statusCode, 202);
    await t.services.jobs.runDue();
    const mail = await sink.waitFor((m) => m.to.includes('eve@courier.test'));
    assert.match(mail.subject, /reset/i);
    const link = mail.links.find((l) => l.includes('/newsroom/reset/'));
    assert.ok(link);
    const token = link.split('/').pop() as string;

    const tooShort = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/password-resets/${token}`,
      payload: { password: 'short' },
    });
    assert.equal(tooShort.statusCode, 422);
    assert.equal(tooShort.json().error.fields[0].field, 'password');

    const reset = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/password-resets/${token}`,
      payload: { password: 'a brand new password' },
    });
    assert.equal(reset.statusCode, 200);
    assert.equal((await author.get('/api/admin/session')).statusCode, 401, 'the old session is signed out');
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: json('eve@courier.test', testPassword),
    });
    assert.equal(old.statusCode, 401);
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: json('eve@courier.test', 'a brand new password'),
    });
    assert.equal(fresh.statusCode, 200);
    const again = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/password-resets/${token}`,
      payload: { password: 'yet another one!' },
    });
    assert.equal(again.statusCode, 410);
  });
});

eachDialect('newsroom outbox without SMTP', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('mail is kept for the owner to read, and only the owner may', async () => {
    const owner = await signedIn(t, 'owner');
    await owner.post('/api/admin/staff', { email: 'fay@courier.test', name: 'Fay', role: 'contributor' });
    const outbox = await owner.get('/api/admin/outbox');
    assert.equal(outbox.statusCode, 200);
    const item = outbox.json().items.find((m: { to: string }) => m.to === 'fay@courier.test');
    assert.equal(item.status, 'kept');
    assert.match(item.text, /\/newsroom\/invite\//);
    const staff = (await owner.get('/api/admin/staff')).json();
    const fay = staff.items.find((p: { email: string }) => p.email === 'fay@courier.test');
    assert.equal(fay.status, 'invited');
    assert.equal(fay.role, 'contributor');
    assert.equal(staff.total, staff.items.length);
    const resent = await owner.post(`/api/admin/staff/${fay.id}/invitations`);
    assert.equal(resent.statusCode, 202);
    const after = (await owner.get('/api/admin/outbox')).json().items;
    assert.equal(after.filter((m: { to: string }) => m.to === 'fay@courier.test').length, 2);
    const again = await owner.post(`/api/admin/staff/${owner.staff.id}/invitations`);
    assert.equal(again.statusCode, 409, 'an active account needs no invitation');

    const editor = await signedIn(t, 'editor');
    const denied = await editor.get('/api/admin/outbox');
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error.code, 'forbidden');
  });
});
