import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults: port 3000, SQLite under data/, cache on', () => {
  const config = loadConfig({}, '/srv/newsdesk');
  assert.equal(config.port, 3000);
  assert.deepEqual(config.database, { kind: 'sqlite', file: path.resolve('/srv/newsdesk', 'data/newsdesk.db') });
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.pageCache.enabled, true);
  assert.ok(Object.isFrozen(config) && Object.isFrozen(config.pageCache));
});

test('DATABASE_URL takes a postgres:// address or a file path', () => {
  assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/news' }).database, {
    kind: 'postgres',
    url: 'postgres://u@db:5432/news',
  });
  assert.equal(loadConfig({ DATABASE_URL: 'custom.db' }, '/x').database.kind, 'sqlite');
});

test('every bad value is listed at once, each naming its variable', () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        NEWSDESK_TIMEZONE: 'Mars/Olympus',
        NEWSDESK_PAGE_CACHE: 'maybe',
        NEWSDESK_PUBLIC_URL: 'ftp://x',
      }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      const named = ['PORT', 'DATABASE_URL', 'NEWSDESK_TIMEZONE', 'NEWSDESK_PAGE_CACHE', 'NEWSDESK_PUBLIC_URL'];
      for (const name of named)
        assert.ok(
          err.problems.some((p) => p.startsWith(name)),
          `${name} is named`,
        );
      assert.equal(err.problems.length, named.length);
      return true;
    },
  );
});

test('the public address loses its trailing slash', () => {
  assert.equal(loadConfig({ NEWSDESK_PUBLIC_URL: 'https://news.example/' }).publicUrl, 'https://news.example');
});

test('wire fetching: allowed hosts, timeout and size limit, each checked', () => {
  const defaults = loadConfig({}).wire;
  assert.deepEqual(defaults, { allowHosts: [], fetchTimeoutMs: 15_000, maxFetchBytes: 5 * 1024 * 1024 });
  const set = loadConfig({
    NEWSDESK_WIRE_ALLOW_HOSTS: ' Feeds.Intranet , 10.0.0.12,[::1]',
    NEWSDESK_WIRE_TIMEOUT_MS: '500',
    NEWSDESK_WIRE_MAX_MB: '2',
  }).wire;
  assert.deepEqual(set, {
    allowHosts: ['feeds.intranet', '10.0.0.12', '::1'],
    fetchTimeoutMs: 500,
    maxFetchBytes: 2 * 1024 * 1024,
  });
  assert.throws(
    () => loadConfig({ NEWSDESK_WIRE_ALLOW_HOSTS: 'http://x.test/feed', NEWSDESK_WIRE_MAX_MB: '0' }),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.problems.some((p) => p.startsWith('NEWSDESK_WIRE_ALLOW_HOSTS')) &&
      err.problems.some((p) => p.startsWith('NEWSDESK_WIRE_MAX_MB')),
  );
});
