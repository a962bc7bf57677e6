import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PageCache } from './page-cache.js';

const channel = 'newsdesk_purge';
const minRetryMs = 250;
const maxRetryMs = 30_000;

/**
 * Purges reach every instance. On PostgreSQL a purge is broadcast with NOTIFY and each
 * instance LISTENs; on SQLite there is one process and the purge stays local.
 */
export class PurgeBus {
  private readonly instance = randomUUID();
  private listener: pg.PoolClient | null = null;
  /** Other in-memory copies (the breaking-news bar) that follow the same purges. */
  private readonly followers: ((keys: string[] | '*') => void)[] = [];
  /** Those that need to hear only of other instances' purges (they already know their own). */
  private readonly remoteFollowers: ((keys: string[] | '*') => void)[] = [];
  /** Those that act once per write, on the instance that made it (WebSub pings). */
  private readonly localFollowers: ((keys: string[] | '*') => void)[] = [];
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = minRetryMs;

  constructor(
    private readonly cache: PageCache | null,
    private readonly pool?: pg.Pool,
  ) {}

  async start(): Promise<void> {
    if (!this.pool) return;
    await this.listen(this.pool);
  }

  private async listen(pool: pg.Pool): Promise<void> {
    const client = await pool.connect();
    client.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        const { from, keys } = JSON.parse(message.payload) as { from: string; keys: string[] | '*' };
        if (from === this.instance) return;
        if (keys === '*') this.cache?.purgeAll();
        else this.cache?.purge(keys);
        for (const follow of this.followers) follow(keys);
        for (const follow of this.remoteFollowers) follow(keys);
      } catch {
        // A malformed payload is not ours to act on.
      }
    });
    // A checked-out client has no error handler of the pool's: without this one, a server
    // restart or a dropped connection would throw and end the process.
    client.on('error', () => this.lost(client));
    try {
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      client.release(true);
      throw err;
    }
    this.listener = client;
  }

  /** The LISTEN connection died: listen again, and forget pages whose purges we may have missed. */
  private lost(client: pg.PoolClient): void {
    if (this.listener !== client) return;
    this.listener = null;
    client.release(true);
    this.scheduleRelisten();
  }

  private scheduleRelisten(): void {
    const pool = this.pool;
    if (this.stopped || !pool) return;
    this.retry = setTimeout(() => {
      this.listen(pool)
        .then(() => {
          this.retryMs = minRetryMs;
          if (this.stopped) return this.stop();
          this.cache?.purgeAll();
        })
        .catch(() => {
          this.retryMs = Math.min(this.retryMs * 2, maxRetryMs);
          this.scheduleRelisten();
        });
    }, this.retryMs);
    this.retry.unref();
  }

  follow(listener: (keys: string[] | '*') => void): void {
    this.followers.push(listener);
  }

  /** Called for purges made by other instances only: a settings or sections change made elsewhere. */
  followRemote(listener: (keys: string[] | '*') => void): void {
    this.remoteFollowers.push(listener);
  }

  /** Called for this instance's own purges only, after its local cache has dropped them. */
  followLocal(listener: (keys: string[] | '*') => void): void {
    this.localFollowers.push(listener);
  }

  purge(keys: string[]): void {
    this.cache?.purge(keys);
    for (const follow of this.followers) follow(keys);
    for (const follow of this.localFollowers) follow(keys);
    this.broadcast(keys);
  }

  purgeAll(): void {
    this.cache?.purgeAll();
    for (const follow of this.followers) follow('*');
    for (const follow of this.localFollowers) follow('*');
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
    this.stopped = true;
    clearTimeout(this.retry);
    if (!this.listener) return;
    const client = this.listener;
    this.listener = null;
    try {
      await client.query(`UNLISTEN ${channel}`);
      client.release();
    } catch (err) {
      client.release(err instanceof Error ? err : true);
    }
  }
}
