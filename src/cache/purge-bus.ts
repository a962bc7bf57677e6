import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PageCache } from './page-cache.js';

const channel = 'newsdesk_purge';

/**
 * Purges reach every instance. On PostgreSQL a purge is broadcast with NOTIFY and each
 * instance LISTENs; on SQLite there is one process and the purge stays local.
 */
export class PurgeBus {
  private readonly instance = randomUUID();
  private listener: pg.PoolClient | null = null;

  constructor(
    private readonly cache: PageCache | null,
    private readonly pool?: pg.Pool,
  ) {}

  async start(): Promise<void> {
    if (!this.pool) return;
    this.listener = await this.pool.connect();
    this.listener.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        const { from, keys } = JSON.parse(message.payload) as { from: string; keys: string[] | '*' };
        if (from === this.instance) return;
        if (keys === '*') this.cache?.purgeAll();
        else this.cache?.purge(keys);
      } catch {
        // A malformed payload is not ours to act on.
      }
    });
    await this.listener.query(`LISTEN ${channel}`);
  }

  purge(keys: string[]): void {
    this.cache?.purge(keys);
    this.broadcast(keys);
  }

  purgeAll(): void {
    this.cache?.purgeAll();
    this.broadcast('*');
  }

  private broadcast(keys: string[] | '*'): void {
    if (!this.pool || keys.length === 0) return;
    // NOTIFY payloads are limited to 8000 bytes; a longer list becomes a full purge.
    let payload = JSON.stringify({ from: this.instance, keys });
    if (payload.length > 7900) payload = JSON.stringify({ from: this.instance, keys: '*' });
    this.pool.query('select pg_notify($1, $2)', [channel, payload]).catch(() => {
      // Losing a broadcast leaves other instances stale until their TTL; never fail the write.
    });
  }

  async stop(): Promise<void> {
    if (!this.listener) return;
    const client = this.listener;
    this.listener = null;
    try {
      await client.query(`UNLISTEN ${channel}`);
    } finally {
      client.release();
    }
  }
}
