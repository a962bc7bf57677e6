import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The raw pg pool on PostgreSQL (for LISTEN/NOTIFY), undefined on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

let pgTypesSet = false;
function setPgTypeParsers(): void {
  if (pgTypesSet) return;
  pgTypesSet = true;
  // Counts and ids fit comfortably in a double; return numbers, as SQLite does.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
  // Timestamps travel through the app as ISO-8601 UTC strings on both databases.
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());
}

export interface OpenOptions {
  /** Called for every query run; tests count queries per page with it. */
  onQuery?: (event: LogEvent) => void;
}

export function openSqlite(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL: readers never wait for the writer; NORMAL sync survives a process crash (kill -9),
  // which is what an acknowledged write must survive.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  // Kysely prepares every statement it runs; the reader's queries repeat, so keep their
  // prepared statements (the SQL text is the key, parameters are bound per call).
  const statements = new Map<string, SQLite.Statement>();
  const cached = {
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (statements.size >= 500) statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cached }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  return {
    kysely,
    dialect: 'sqlite',
    async close() {
      await kysely.destroy();
    },
  };
}

export function openPostgres(url: string, options: OpenOptions & { max?: number } = {}): Db {
  setPgTypeParsers();
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that drops (server restart, failover, a dropped database) is
  // discarded by the pool and replaced on the next query; without a listener node-postgres
  // rethrows the error and the whole process exits.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  return {
    kysely,
    dialect: 'postgres',
    pool,
    async close() {
      await kysely.destroy();
    },
  };
}

export function openDatabase(config: Pick<Config, 'database'>): Db {
  return config.database.kind === 'postgres' ? openPostgres(config.database.url) : openSqlite(config.database.file);
}
