import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LogEvent } from 'kysely';
import { buildApp, type Services } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { DialectName } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  mediaDir: string;
  /** Queries run since the last reset, for counting queries per page. */
  queries: string[];
  close(): Promise<void>;
}

export async function buildTestApp(
  dialect: DialectName,
  options: { env?: Record<string, string>; seedDemo?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const queries: string[] = [];
  const database = await createTestDatabase(dialect, {
    onQuery: (event: LogEvent) => {
      if (event.level === 'query') queries.push(event.query.sql);
    },
  });
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-media-'));
  const config = loadConfig({
    NEWSDESK_LOG_LEVEL: 'warn',
    NEWSDESK_MEDIA_DIR: mediaDir,
    NEWSDESK_PUBLIC_URL: 'http://news.test',
    // Tests run due jobs themselves (jobs.runDue()), so nothing happens behind their back.
    NEWSDESK_JOBS: 'false',
    ...options.env,
  });
  const app = await buildApp(config, {
    db: database.db,
    seedDemo: options.seedDemo ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    services: app.services,
    database,
    mediaDir,
    queries,
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
