import type { Clock } from '../clock.js';
import type { JobLog, JobQueue } from '../jobs/jobs.service.js';

export const websubPingJob = 'websub.ping';

export interface WebSubPing {
  /** The feed address that changed (hub.url). */
  topic: string;
}

export interface WebSubDeps {
  /** The hub to ping; null turns pinging off. */
  hub: string | null;
  jobs: Pick<JobQueue, 'enqueue' | 'register'>;
  clock: Clock;
  /** The feed addresses a write changed, from the keys it purged. */
  feedUrlsFor: (keys: string[]) => Promise<string[]>;
  log?: JobLog;
  /**
   * Pings wait this long: a burst of saves to one story sends one ping per feed, and other
   * instances have dropped their cached copy (NOTIFY is quick, not instant) before the hub
   * comes to fetch the feed.
   */
  delayMs?: number;
  timeoutMs?: number;
}

/** Purges that can change a feed; anything else (page:, story:, breaking, sitemaps) is left alone. */
const feedKey = /^(front|section:\d+|tag:\d+|author:\d+|article:\d+)$/;

/**
 * Tells the WebSub hub (W3C WebSub, "publish" as hubs take it: a form POST with
 * hub.mode=publish and hub.url=<feed>) when a feed changes. Each instance follows its own
 * purges only, so every write is announced once, by the instance that made it; each ping
 * is a durable job, retried with backoff while the hub is down.
 */
export class WebSubNotifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: WebSubDeps) {}

  /** Registered whether or not a hub is set: pings queued before the hub was turned off finish quietly. */
  registerJobs(): void {
    this.deps.jobs.register<WebSubPing>(websubPingJob, (payload) => this.ping(payload.topic));
  }

  /**
   * Follows this instance's purges. A full purge ('*': settings, the daily midnight refresh)
   * is not news and pings nothing.
   */
  changed(keys: string[] | '*'): void {
    if (!this.deps.hub || keys === '*' || !keys.some((k) => feedKey.test(k))) return;
    const work: Promise<void> = this.enqueue(keys)
      .catch((err) => this.deps.log?.warn({ err }, 'could not queue WebSub pings'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Resolves once the pings of every write so far are queued (tests, and shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private async enqueue(keys: string[]): Promise<void> {
    const topics = await this.deps.feedUrlsFor(keys);
    const runAt = new Date(this.deps.clock.now().getTime() + (this.deps.delayMs ?? 2_000));
    for (const topic of topics) {
      // One queued ping per feed: another write within the delay moves it later instead of adding one.
      await this.deps.jobs.enqueue<WebSubPing>(websubPingJob, { topic }, { runAt, dedupeKey: `websub:${topic}` });
    }
  }

  private async ping(topic: string): Promise<void> {
    const hub = this.deps.hub;
    if (!hub) return;
    const response = await fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? 10_000),
    });
    // Read to the end so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`The WebSub hub answered ${response.status} to the ping for ${topic}.`);
  }
}
