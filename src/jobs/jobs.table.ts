import type { Generated } from 'kysely';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON. */
  payload: string;
  status: Generated<JobStatus>;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  /** The worker holding the job, and until when; a crashed worker's jobs are taken back after that. */
  locked_by: string | null;
  locked_until: string | null;
  /** At most one queued or finished job per key (e.g. "publish:42"). */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
