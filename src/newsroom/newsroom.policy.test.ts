import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { adminGuard } from './admin.plugin.js';
import { type Ability, abilities, canOnArticle, policy, scopeOf } from './newsroom.policy.js';
import { type StaffRole, staffRoles } from './newsroom.table.js';
import type { StaffService } from './staff.service.js';

describe('the policy table', () => {
  test('the owner may do everything, and every ability has someone who may', () => {
    for (const ability of abilities) {
      assert.equal(scopeOf('owner', ability), 'any', ability);
      assert.ok(Object.keys(policy[ability]).length > 0, ability);
    }
  });

  test('contributors write drafts but never publish; moderators moderate and only read articles', () => {
    for (const ability of ['articles.publish', 'articles.schedule', 'articles.unpublish'] as Ability[]) {
      assert.equal(scopeOf('contributor', ability), null, ability);
      assert.equal(scopeOf('moderator', ability), null, ability);
    }
    assert.equal(scopeOf('moderator', 'comments.moderate'), 'any');
    assert.equal(scopeOf('moderator', 'articles.edit'), null);
    assert.equal(scopeOf('author', 'comments.moderate'), null);
  });

  test('"own" means articles the person created, and contributors lose edit once published', () => {
    const contributor = { id: 7, role: 'contributor' as StaffRole };
    assert.equal(canOnArticle(contributor, 'articles.edit', { createdBy: 7, status: 'draft' }), true);
    assert.equal(canOnArticle(contributor, 'articles.edit', { createdBy: 8, status: 'draft' }), false);
    assert.equal(canOnArticle(contributor, 'articles.edit', { createdBy: 7, status: 'published' }), false);
    assert.equal(canOnArticle(contributor, 'articles.delete', { createdBy: 7, status: 'scheduled' }), false);
    const author = { id: 9, role: 'author' as StaffRole };
    assert.equal(canOnArticle(author, 'articles.publish', { createdBy: 9, status: 'draft' }), true);
    assert.equal(canOnArticle(author, 'articles.publish', { createdBy: null, status: 'draft' }), false);
    const editor = { id: 1, role: 'editor' as StaffRole };
    assert.equal(canOnArticle(editor, 'articles.unpublish', { createdBy: 9, status: 'published' }), true);
  });

  test('a route that names no ability stops the app from starting', async () => {
    const app = Fastify();
    await assert.rejects(async () => {
      await app.register(async (scope) => {
        const api = adminGuard(scope, {
          staff: { resolveSession: async () => null } as unknown as StaffService,
          publicUrl: 'http://news.test',
          secureCookies: false,
        });
        api.get('/forgotten', { schema: { querystring: Type.Object({}) } }, async () => 'open to all');
      });
      await app.ready();
    }, /does not name the ability it needs/);
    await app.close();
  });
});

interface Operation {
  method: string;
  path: string;
  access: string;
}

eachDialect('Admin API: every route is guarded by its ability', (dialect) => {
  let t: TestApp;
  let operations: Operation[];
  before(async () => {
    t = await buildTestApp(dialect);
    const doc = (await t.app.inject('/api/admin/openapi.json')).json();
    operations = [];
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, { 'x-newsdesk-access'?: string }>>,
    )) {
      for (const [method, op] of Object.entries(item)) {
        operations.push({ method: method.toUpperCase(), path, access: String(op['x-newsdesk-access']) });
      }
    }
  });
  after(() => t.close());

  test('the OpenAPI document lists the routes, each with the ability it needs', () => {
    assert.ok(operations.length >= 40, `found ${operations.length} operations`);
    const known = new Set<string>([...abilities, 'public', 'signed_in']);
    for (const op of operations) assert.ok(known.has(op.access), `${op.method} ${op.path} names "${op.access}"`);
    const paths = new Set(operations.map((o) => `${o.method} ${o.path}`));
    for (const expected of [
      'POST /api/admin/articles',
      'PUT /api/admin/articles/{id}/publication',
      'PUT /api/admin/articles/{id}/schedule',
      'POST /api/admin/media',
      'PATCH /api/admin/settings',
      'POST /api/admin/staff',
      'GET /api/admin/outbox',
    ]) {
      assert.ok(paths.has(expected), `${expected} is documented`);
    }
  });

  for (const role of staffRoles) {
    test(`the ${role} role is refused, with 403 forbidden, every route it lacks`, async () => {
      const client = await signedIn(t, role);
      const denied = operations.filter(
        (op) => op.access !== 'public' && op.access !== 'signed_in' && !scopeOf(role, op.access as Ability),
      );
      if (role === 'owner') assert.equal(denied.length, 0);
      else assert.ok(denied.length > 0, `${role} lacks something`);
      for (const op of denied) {
        const url = op.path.replace(/\{[^}]+\}/g, '1');
        const res = await client.request(op.method as 'GET', url, op.method === 'GET' ? undefined : {});
        assert.equal(res.statusCode, 403, `${role} ${op.method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'forbidden', `${role} ${op.method} ${url}`);
      }
    });
  }
});
