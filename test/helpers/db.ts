import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { type Db, type DialectName, type OpenOptions, openPostgres, openSqlite } from '../../src/db/database.js';

export const dialects: DialectName[] = ['sqlite', 'postgres'];

/** The server the PostgreSQL half of every suite runs against. */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true';

let pgAvailable: Promise<boolean> | null = null;
export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export interface TestDatabase {
  db: Db;
  /** For a server started in another process: a DATABASE_URL that reaches the same data. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for one test file or test: a SQLite file, or a PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName, options: OpenOptions = {}): Promise<TestDatabase> {
  const name = `nd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
    const file = path.join(dir, 'test.db');
    const db = openSqlite(file, options);
    return {
      db,
      url: file,
      async drop() {
        await db.close().catch(() => {});
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), options);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close().catch(() => {});
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

/**
 * Runs a suite once per database. Without PostgreSQL the PostgreSQL half is skipped
 * (and reported as skipped) on a developer's machine, and fails in CI.
 */
export function eachDialect(title: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of dialects) {
    if (dialect === 'postgres' && !pgUp) {
      if (inCi) {
        describe(`${title} [postgres]`, () => {
          test('PostgreSQL answers', () => {
            throw new Error(`PostgreSQL is required in CI and did not answer at ${adminUrl}`);
          });
        });
      } else {
        describe(`${title} [postgres]`, { skip: `no PostgreSQL at ${adminUrl}` }, () => {});
      }
      continue;
    }
    // Suites are declared synchronously: node:test ignores tests added after an await.
    describe(`${title} [${dialect}]`, () => suite(dialect));
  }
}

/** Checked once when the helpers load, so suites can be declared without waiting. */
const pgUp = await postgresAvailable();
