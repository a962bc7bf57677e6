import type { Generated } from 'kysely';

export const staffRoles = ['owner', 'editor', 'author', 'contributor', 'moderator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffStatuses = ['active', 'invited', 'suspended'] as const;
export type StaffStatus = (typeof staffStatuses)[number];

export interface StaffTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: StaffRole;
  status: Generated<StaffStatus>;
  /** argon2id; null until an invited person chooses a password. */
  password_hash: string | null;
  /** The public author profile this person writes as, if any. */
  author_id: number | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  staff_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export type StaffTokenPurpose = 'invite' | 'reset';

export interface StaffTokensTable {
  /** SHA-256 of the emailed token. */
  id: string;
  staff_id: number;
  purpose: StaffTokenPurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  last_failure_at: string;
  blocked_until: string | null;
}
