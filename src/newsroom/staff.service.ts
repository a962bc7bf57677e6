import { createHash, randomBytes } from 'node:crypto';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, type FieldError, invalidFields, notFound } from '../errors.js';
import { LoginThrottle } from './login-throttle.js';
import type { Actor } from './newsroom.policy.js';
import {
  type StaffRole,
  type StaffStatus,
  type StaffTable,
  type StaffTokenPurpose,
  staffRoles,
  staffStatuses,
} from './newsroom.table.js';
import { checkPassword, hashPassword, verifyPassword } from './passwords.js';

export type StaffRecord = Selectable<StaffTable>;

/** What sends mail: the mail service (or anything with its send). */
export interface Mailer {
  send(
    message: { kind: string; to: string; subject: string; text: string; html?: string },
    opts?: { trx?: Transaction<Database> },
  ): Promise<number>;
}

export interface StaffDeps {
  db: Db;
  clock: Clock;
  mail: Mailer;
  publicUrl: string;
  siteName: () => string;
  sessionIdleHours: number;
}

export interface SignedIn {
  staff: StaffRecord;
  /** The cookie's value; only its hash is stored. */
  token: string;
  csrfToken: string;
}

export interface SessionView {
  staff: StaffRecord;
  csrfToken: string;
}

interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

const invitationDays = 7;
const resetMinutes = 60;
/** A session's expiry slides forward on use, written at most this often. */
const touchEveryMs = 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: unknown): FieldError | null {
  if (typeof email !== 'string' || !emailPattern.test(email.trim()) || email.length > 254) {
    return { field: 'email', message: 'Enter an email address like name@example.com.' };
  }
  return null;
}

function checkName(name: unknown): FieldError | null {
  if (typeof name !== 'string' || name.trim().length === 0) return { field: 'name', message: 'Enter a name.' };
  if (name.length > 120) return { field: 'name', message: 'Use at most 120 characters.' };
  return null;
}

function throwIfAny(errors: (FieldError | null)[]): void {
  const fields = errors.filter((e): e is FieldError => e !== null);
  if (fields.length > 0) throw invalidFields(fields);
}

/** Staff accounts, sign-in, sessions, invitations and password resets. */
export class StaffService {
  readonly throttle: LoginThrottle;

  constructor(private readonly deps: StaffDeps) {
    this.throttle = new LoginThrottle(deps.db, deps.clock);
  }

  private get db() {
    return this.deps.db.kysely;
  }

  private now() {
    return this.deps.clock.now();
  }

  async needsOwner(): Promise<boolean> {
    const row = await this.db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
    return !row;
  }

  /** First run: the owner account, only while no staff account exists. */
  async createOwner(input: { name: string; email: string; password: string }, meta: ClientMeta = {}) {
    throwIfAny([checkName(input.name), checkEmail(input.email), checkPassword(input.password)]);
    const passwordHash = await hashPassword(input.password);
    const staff = await this.db.transaction().execute(async (trx) => {
      // Two browsers finishing setup at once must not make two owners.
      if (this.deps.db.dialect === 'postgres') await sql`LOCK TABLE staff IN EXCLUSIVE MODE`.execute(trx);
      const any = await trx.selectFrom('staff').select('id').limit(1).executeTakeFirst();
      if (any) throw new AppError('conflict', 'This newsroom already has an owner. Sign in instead.');
      return this.insertStaff(trx, { ...input, role: 'owner', status: 'active', passwordHash });
    });
    return this.openSession(staff, meta);
  }

  /**
   * Creates an account from the shell or the newsroom. With a password it is active at
   * once; without, the person is invited by email to choose one.
   */
  async createStaff(input: {
    email: string;
    name: string;
    role: StaffRole;
    password?: string;
    authorId?: number | null;
  }): Promise<StaffRecord & { invitationUrl?: string }> {
    throwIfAny([
      checkName(input.name),
      checkEmail(input.email),
      staffRoles.includes(input.role) ? null : { field: 'role', message: `Choose one of ${staffRoles.join(', ')}.` },
      input.password === undefined ? null : checkPassword(input.password),
    ]);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      const staff = await this.insertStaff(trx, {
        ...input,
        status: passwordHash ? 'active' : 'invited',
        passwordHash,
      });
      if (passwordHash) return staff;
      // Returned for the shell, where an owner without SMTP has no outbox to read yet.
      return { ...staff, invitationUrl: await this.sendInvitation(trx, staff) };
    });
  }

  private async insertStaff(
    trx: Transaction<Database>,
    input: {
      email: string;
      name: string;
      role: StaffRole;
      status: StaffStatus;
      passwordHash: string | null;
      authorId?: number | null;
    },
  ): Promise<StaffRecord> {
    const email = input.email.trim().toLowerCase();
    const taken = await trx.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw invalidFields([{ field: 'email', message: 'A staff account already uses this address.' }]);
    if (input.authorId != null) await this.requireAuthor(trx, input.authorId);
    const now = this.now().toISOString();
    return trx
      .insertInto('staff')
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        status: input.status,
        password_hash: input.passwordHash,
        author_id: input.authorId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  private async requireAuthor(trx: Transaction<Database>, authorId: number) {
    const author = await trx.selectFrom('authors').select('id').where('id', '=', authorId).executeTakeFirst();
    if (!author) throw invalidFields([{ field: 'authorId', message: 'There is no author profile with that id.' }]);
  }

  async signIn(input: { email: string; password: string }, meta: ClientMeta = {}): Promise<SignedIn> {
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const ip = meta.ip ?? 'unknown';
    await this.throttle.check(email, ip);
    const staff = await this.db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirst();
    const ok = await verifyPassword(staff?.password_hash ?? null, String(input.password ?? ''));
    if (!staff || !ok || staff.status !== 'active') {
      await this.throttle.fail(email, ip);
      // One answer for a wrong address, a wrong password and a suspended account: no account probing.
      throw new AppError('unauthorized', 'That email address and password do not match an active account.');
    }
    await this.throttle.succeed(email);
    await this.db
      .updateTable('staff')
      .set({ last_login_at: this.now().toISOString() })
      .where('id', '=', staff.id)
      .execute();
    return this.openSession(staff, meta);
  }

  private async openSession(staff: StaffRecord, meta: ClientMeta): Promise<SignedIn> {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.now();
    await this.db
      .insertInto('staff_sessions')
      .values({
        id: digest(token),
        staff_id: staff.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: this.sessionExpiry(now),
        ip: (meta.ip ?? '').slice(0, 64),
        user_agent: (meta.userAgent ?? '').slice(0, 300),
      })
      .execute();
    return { staff, token, csrfToken };
  }

  private sessionExpiry(from: Date): string {
    return new Date(from.getTime() + this.deps.sessionIdleHours * 3600_000).toISOString();
  }

  /** The person behind a session cookie, or null for an unknown, expired or suspended one. */
  async resolveSession(token: string | undefined): Promise<SessionView | null> {
    if (!token || token.length > 100) return null;
    const id = digest(token);
    const row = await this.db
      .selectFrom('staff_sessions as s')
      .innerJoin('staff', 'staff.id', 's.staff_id')
      .selectAll('staff')
      .select(['s.csrf_token', 's.expires_at', 's.last_seen_at'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.now();
    if (Date.parse(row.expires_at) <= now.getTime() || row.status !== 'active') {
      await this.db.deleteFrom('staff_sessions').where('id', '=', id).execute();
      return null;
    }
    if (now.getTime() - Date.parse(row.last_seen_at) > touchEveryMs) {
      await this.db
        .updateTable('staff_sessions')
        .set({ last_seen_at: now.toISOString(), expires_at: this.sessionExpiry(now) })
        .where('id', '=', id)
        .execute();
    }
    const { csrf_token, expires_at: _e, last_seen_at: _l, ...staff } = row;
    return { staff, csrfToken: csrf_token };
  }

  /** Removes expired sessions and spent or expired links; returns how many rows went. */
  async pruneExpired(): Promise<number> {
    const now = this.now().toISOString();
    const sessions = await this.db.deleteFrom('staff_sessions').where('expires_at', '<', now).executeTakeFirst();
    const tokens = await this.db
      .deleteFrom('staff_tokens')
      .where((eb) => eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)]))
      .executeTakeFirst();
    return Number(sessions.numDeletedRows) + Number(tokens.numDeletedRows);
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.db.deleteFrom('staff_sessions').where('id', '=', digest(token)).execute();
  }

  list(): Promise<StaffRecord[]> {
    return this.db.selectFrom('staff').selectAll().orderBy('name').orderBy('id').execute();
  }

  async findById(id: number): Promise<StaffRecord> {
    const staff = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    if (!staff) throw notFound('staff account');
    return staff;
  }

  namesOf(ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
  }

  async update(
    id: number,
    patch: { name?: string; role?: StaffRole; status?: StaffStatus; authorId?: number | null },
    actor: Actor,
  ): Promise<StaffRecord> {
    throwIfAny([
      patch.name === undefined ? null : checkName(patch.name),
      patch.role === undefined || staffRoles.includes(patch.role)
        ? null
        : { field: 'role', message: `Choose one of ${staffRoles.join(', ')}.` },
      patch.status === undefined || staffStatuses.includes(patch.status)
        ? null
        : { field: 'status', message: `Choose one of ${staffStatuses.join(', ')}.` },
    ]);
    return this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound('staff account');
      if (patch.status === 'invited' && before.status !== 'invited') {
        throw invalidFields([{ field: 'status', message: 'An active account cannot go back to invited.' }]);
      }
      if (patch.authorId != null) await this.requireAuthor(trx, patch.authorId);
      const losesOwner =
        before.role === 'owner' &&
        before.status === 'active' &&
        ((patch.role && patch.role !== 'owner') || (patch.status && patch.status !== 'active'));
      if (losesOwner) await this.requireAnotherOwner(trx, id, actor);
      const row = await trx
        .updateTable('staff')
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.authorId !== undefined ? { author_id: patch.authorId } : {}),
          updated_at: this.now().toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // A suspended person is signed out everywhere at once.
      if (row.status === 'suspended') await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
      return row;
    });
  }

  async remove(id: number, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound('staff account');
      if (before.role === 'owner' && before.status === 'active') await this.requireAnotherOwner(trx, id, actor);
      await trx.deleteFrom('staff').where('id', '=', id).execute();
    });
  }

  private async requireAnotherOwner(trx: Transaction<Database>, leaving: number, _actor: Actor) {
    const other = await trx
      .selectFrom('staff')
      .select('id')
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .where('id', '!=', leaving)
      .limit(1)
      .executeTakeFirst();
    if (!other) {
      throw new AppError('conflict', 'The newsroom needs at least one active owner. Make someone else owner first.');
    }
  }

  async resendInvitation(id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const staff = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
      if (!staff) throw notFound('staff account');
      if (staff.status !== 'invited') throw new AppError('conflict', 'This person has already accepted.');
      await trx
        .deleteFrom('staff_tokens')
        .where('staff_id', '=', id)
        .where('purpose', '=', 'invite')
        .where('used_at', 'is', null)
        .execute();
      await this.sendInvitation(trx, staff);
    });
  }

  private async issueToken(trx: Transaction<Database>, staffId: number, purpose: StaffTokenPurpose, ms: number) {
    const token = newToken();
    const now = this.now();
    await trx
      .insertInto('staff_tokens')
      .values({
        id: digest(token),
        staff_id: staffId,
        purpose,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ms).toISOString(),
        used_at: null,
      })
      .execute();
    return token;
  }

  private async sendInvitation(trx: Transaction<Database>, staff: StaffRecord): Promise<string> {
    const token = await this.issueToken(trx, staff.id, 'invite', invitationDays * 86400_000);
    const link = `${this.deps.publicUrl}/newsroom/invite/${token}`;
    const site = this.deps.siteName();
    await this.deps.mail.send(
      {
        kind: 'staff.invitation',
        to: staff.email,
        subject: `You are invited to the ${site} newsroom`,
        text: [
          `Hello ${staff.name},`,
          '',
          `You have been invited to join the ${site} newsroom as ${staff.role}.`,
          'Choose your password here to accept (the link works for 7 days):',
          '',
          link,
          '',
          'If you did not expect this, ignore this message.',
        ].join('\n'),
      },
      { trx },
    );
    return link;
  }

  private async takeToken(trx: Transaction<Database>, token: string, purpose: StaffTokenPurpose, consume: boolean) {
    const row = await trx
      .selectFrom('staff_tokens')
      .selectAll()
      .where('id', '=', digest(String(token)))
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    const what = purpose === 'invite' ? 'invitation' : 'password reset link';
    if (!row || row.used_at || Date.parse(row.expires_at) <= this.now().getTime()) {
      throw new AppError('gone', `This ${what} has expired or was already used. Ask for a new one.`);
    }
    if (consume) {
      const used = await trx
        .updateTable('staff_tokens')
        .set({ used_at: this.now().toISOString() })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AppError('gone', `This ${what} was already used.`);
    }
    const staff = await trx.selectFrom('staff').selectAll().where('id', '=', row.staff_id).executeTakeFirstOrThrow();
    return staff;
  }

  async invitationFor(token: string): Promise<{ email: string; name: string; role: StaffRole }> {
    const staff = await this.db.transaction().execute((trx) => this.takeToken(trx, token, 'invite', false));
    if (staff.status !== 'invited') throw new AppError('gone', 'This invitation was already accepted.');
    return { email: staff.email, name: staff.name, role: staff.role };
  }

  async acceptInvitation(token: string, input: { name?: string; password: string }, meta: ClientMeta = {}) {
    throwIfAny([input.name === undefined ? null : checkName(input.name), checkPassword(input.password)]);
    const passwordHash = await hashPassword(input.password);
    const staff = await this.db.transaction().execute(async (trx) => {
      const invited = await this.takeToken(trx, token, 'invite', true);
      if (invited.status !== 'invited') throw new AppError('gone', 'This invitation was already accepted.');
      return trx
        .updateTable('staff')
        .set({
          password_hash: passwordHash,
          status: 'active',
          ...(input.name ? { name: input.name.trim() } : {}),
          updated_at: this.now().toISOString(),
        })
        .where('id', '=', invited.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return this.openSession(staff, meta);
  }

  /** Mails a reset link to an active account; silent about addresses it does not know. */
  async requestPasswordReset(email: string): Promise<void> {
    const error = checkEmail(email);
    if (error) throw invalidFields([error]);
    await this.db.transaction().execute(async (trx) => {
      const staff = await trx
        .selectFrom('staff')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!staff) return;
      // One mail a minute per account: a button pressed ten times sends one.
      const recent = await trx
        .selectFrom('staff_tokens')
        .select('id')
        .where('staff_id', '=', staff.id)
        .where('purpose', '=', 'reset')
        .where('created_at', '>', new Date(this.now().getTime() - 60_000).toISOString())
        .executeTakeFirst();
      if (recent) return;
      const token = await this.issueToken(trx, staff.id, 'reset', resetMinutes * 60_000);
      const link = `${this.deps.publicUrl}/newsroom/reset/${token}`;
      await this.deps.mail.send(
        {
          kind: 'staff.password_reset',
          to: staff.email,
          subject: `Reset your ${this.deps.siteName()} newsroom password`,
          text: [
            `Hello ${staff.name},`,
            '',
            'Someone asked to reset the password of your newsroom account.',
            `Choose a new one here (the link works for ${resetMinutes} minutes, once):`,
            '',
            link,
            '',
            'If it was not you, ignore this message: your password stays as it is.',
          ].join('\n'),
        },
        { trx },
      );
    });
  }

  async resetPassword(token: string, password: string, meta: ClientMeta = {}): Promise<SignedIn> {
    throwIfAny([checkPassword(password)]);
    const passwordHash = await hashPassword(password);
    const staff = await this.db.transaction().execute(async (trx) => {
      const owner = await this.takeToken(trx, token, 'reset', true);
      // Whoever knew the old password is signed out everywhere.
      await trx.deleteFrom('staff_sessions').where('staff_id', '=', owner.id).execute();
      return trx
        .updateTable('staff')
        .set({ password_hash: passwordHash, updated_at: this.now().toISOString() })
        .where('id', '=', owner.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await this.throttle.succeed(staff.email);
    return this.openSession(staff, meta);
  }
}
