import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';

/** Failures allowed before delays begin, per address and per IP (an office shares one IP). */
const freeFailures = { email: 3, ip: 20 } as const;
const maxDelayMs = 15 * 60 * 1000;

/** 1 s after the first failure past the free ones, then 2 s, 4 s, 8 s ... up to 15 minutes. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** (failures - free), maxDelayMs);
}

/**
 * Growing delays after failed sign-ins, kept in the database so that every instance
 * agrees and a restart does not reset them. A success clears the address's record.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private keys(email: string, ip: string) {
    return [
      { key: `email:${email.trim().toLowerCase()}`, free: freeFailures.email },
      { key: `ip:${ip}`, free: freeFailures.ip },
    ];
  }

  /** Throws rate_limited while either the address or the IP is waiting out a delay. */
  async check(email: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    const rows = await this.db.kysely
      .selectFrom('login_throttle')
      .select(['key', 'blocked_until'])
      .where(
        'key',
        'in',
        this.keys(email, ip).map((k) => k.key),
      )
      .execute();
    let waitMs = 0;
    for (const row of rows) {
      if (row.blocked_until) waitMs = Math.max(waitMs, Date.parse(row.blocked_until) - now);
    }
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError(
        'rate_limited',
        `Too many failed sign-ins. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
        { retryAfterSeconds: seconds },
      );
    }
  }

  async fail(email: string, ip: string): Promise<void> {
    const now = this.clock.now();
    for (const { key, free } of this.keys(email, ip)) {
      await this.db.kysely.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('login_throttle').select('failures').where('key', '=', key).executeTakeFirst();
        const failures = (row?.failures ?? 0) + 1;
        const delay = delayAfter(failures, free);
        const values = {
          failures,
          last_failure_at: now.toISOString(),
          blocked_until: delay > 0 ? new Date(now.getTime() + delay).toISOString() : null,
        };
        await trx
          .insertInto('login_throttle')
          .values({ key, ...values })
          .onConflict((oc) => oc.column('key').doUpdateSet(values))
          .execute();
      });
    }
  }

  async succeed(email: string): Promise<void> {
    await this.db.kysely
      .deleteFrom('login_throttle')
      .where('key', '=', `email:${email.trim().toLowerCase()}`)
      .execute();
  }
}
