import type { Generated } from 'kysely';

/** queued: waiting for SMTP; sent; failed: gave up; kept: no SMTP configured, read in the newsroom. */
export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'kept';

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** JSON object of extra header fields (List-Unsubscribe...), or null. */
  headers: string | null;
}
