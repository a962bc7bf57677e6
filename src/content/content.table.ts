import type { Generated } from 'kysely';

export interface ContentKeysTable {
  id: Generated<number>;
  /** Who uses it: "Mobile app", "Partner site". */
  name: string;
  /** SHA-256 (hex) of the secret; the secret itself is shown once and never stored. */
  secret_hash: string;
  /** The secret's last few characters, to tell keys apart in the newsroom. */
  hint: string;
  created_by: number | null;
  created_at: string;
  /** Updated at most once a minute per instance; a key in heavy use is not a write per request. */
  last_used_at: string | null;
}
