import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isAbort, queryString } from '../api/client';
import {
  type CommentQueue,
  type CommentStatus,
  type ModerationLogAction,
  type ModerationLogItem,
  type ModerationLogList,
  moderationLogActions,
  type StaffRef,
} from '../api/types';
import { formatDateTime } from '../lib/format';
import { Link, setQuery, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { Badge, Loading, PageHeader } from '../ui/bits';
import { ErrorAlert } from '../ui/Field';

const pageSize = 50;

const actionLabels: Record<ModerationLogAction, string> = {
  approve: 'Approved',
  pending: 'Held for a moderator',
  reject: 'Rejected',
  spam: 'Marked as spam',
  delete: 'Deleted',
  feature: 'Featured',
  unfeature: 'No longer featured',
  ban: 'Banned the commenter',
  suspend: 'Suspended the commenter',
  lift_ban: 'Lifted a ban',
  always_premoderate: 'Always premoderate',
  normal_moderation: 'Moderated as usual again',
  erase: 'Reader erased their data',
};

const actionLabel = (action: string) => actionLabels[action as ModerationLogAction] ?? action.replace(/_/g, ' ');

/** The queue a comment in this status is listed in. */
const queueOf: Record<CommentStatus, CommentQueue> = {
  pending: 'pending',
  rejected: 'rejected',
  spam: 'spam',
  approved: 'recent',
  deleted: 'recent',
};
const queueNames: Record<CommentQueue, string> = {
  pending: 'Pending',
  reported: 'Reported',
  recent: 'Recent',
  rejected: 'Rejected',
  spam: 'Spam',
};

/** Who decided: a person, or, with no person, the pipeline or the reader acting on their own comment. */
export function whoDecided(entry: ModerationLogItem): string {
  if (entry.staff) return entry.staff.name || `Staff member ${entry.staff.id}`;
  if (entry.action === 'erase' || entry.reason === 'deleted_by_author' || entry.reason === 'erased_by_reader') {
    return 'The commenter';
  }
  if (entry.reason?.startsWith('reported')) return "Readers' reports";
  return 'Automatic filter';
}

/** Reasons are a code and what tripped it ("suspect_word: idiot"), or what a moderator typed. */
function reasonText(entry: ModerationLogItem): string | null {
  const reason = entry.reason?.trim();
  if (!reason || /^moderator: [a-z_]+$/.test(reason)) return null;
  if (reason === 'passed') return 'Passed every check';
  const code = /^([a-z_]+)(:.*)?$/.exec(reason);
  return code ? `${(code[1] ?? '').replace(/_/g, ' ')}${code[2] ?? ''}` : reason;
}

export function ModerationLogPage() {
  const { query } = useLocation();
  const { session } = useSession();
  const action = query.get('action') ?? '';
  const actor = query.get('actor') ?? '';
  const [items, setItems] = useState<ModerationLogItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [moderators, setModerators] = useState<StaffRef[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const current = useRef<AbortController | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setLoading(true);
      try {
        const page = await api.get<ModerationLogList>(
          `/moderation-log${queryString({ action, actor, limit: pageSize, after })}`,
          { signal: controller.signal },
        );
        setItems((list) => (after ? [...list, ...page.items] : page.items));
        setNext(page.next);
        setModerators(page.moderators);
        setError(null);
      } catch (err) {
        if (!isAbort(err)) setError(err);
      } finally {
        if (current.current === controller) setLoading(false);
      }
    },
    [action, actor],
  );

  useEffect(() => {
    setItems([]);
    setNext(null);
    void load(null);
    return () => current.current?.abort();
  }, [load]);

  const filtered = action !== '' || actor !== '';
  const me = session?.staff.id;

  return (
    <>
      <PageHeader title="Moderation log">
        <p className="muted">Every decision on comments and commenters, newest first: by a moderator or automatic.</p>
      </PageHeader>
      <search className="filters" aria-label="Filter the moderation log">
        <div className="field">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" value={action} onChange={(e) => setQuery({ action: e.target.value, actor })}>
            <option value="">All actions</option>
            {moderationLogActions.map((a) => (
              <option key={a} value={a}>
                {actionLabels[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-actor">Decided by</label>
          <select id="log-actor" value={actor} onChange={(e) => setQuery({ action, actor: e.target.value })}>
            <option value="">Anyone</option>
            <option value="system">Automatic (no moderator)</option>
            <option value="people">Any moderator</option>
            {moderators.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.id === me ? `${m.name} (you)` : m.name}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button type="button" className="button button--ghost filters__clear" onClick={() => setQuery({})}>
            Clear filters
          </button>
        ) : null}
      </search>

      {error ? <ErrorAlert error={error} /> : null}
      <p className="muted list-count" aria-live="polite">
        {items.length > 0 ? `${items.length}${next ? '+' : ''} ${items.length === 1 ? 'decision' : 'decisions'}` : ''}
        {loading && items.length > 0 ? ' · loading…' : ''}
      </p>
      {loading && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 && !error ? (
        <div className="empty">
          <p>{filtered ? 'No decisions match these filters.' : 'No decisions yet.'}</p>
        </div>
      ) : items.length > 0 ? (
        <div className="table-wrap">
          <table className="table moderation-log">
            <caption className="visually-hidden">Moderation decisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Decided by</th>
                <th scope="col">Action</th>
                <th scope="col">Reason</th>
                <th scope="col">Comment</th>
                <th scope="col">Commenter</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <LogRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <button type="button" className="button" disabled={loading} onClick={() => void load(next)}>
          Load more
        </button>
      ) : null}
    </>
  );
}

function LogRow({ entry }: { entry: ModerationLogItem }) {
  const reason = reasonText(entry);
  const { comment, commenter } = entry;
  const queue = comment ? queueOf[comment.status] : null;
  return (
    <tr>
      <td>
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
      </td>
      <td>{entry.staff ? whoDecided(entry) : <span className="muted">{whoDecided(entry)}</span>}</td>
      <td>{actionLabel(entry.action)}</td>
      <td>{reason ?? <span className="muted">No reason given</span>}</td>
      <td>
        {comment ? (
          <>
            {/* The reader's own text, as text: no markup of theirs reaches the newsroom. */}
            <span className="moderation-log__excerpt">{comment.excerpt || 'Text removed'}</span>
            {queue ? (
              <span className="cell-note">
                <Link
                  to={
                    queue === 'pending'
                      ? `/comments?comment=${comment.id}`
                      : `/comments?queue=${queue}&comment=${comment.id}`
                  }
                >
                  In the {queueNames[queue]} queue
                  <span className="visually-hidden"> (comment {comment.id})</span>
                </Link>
              </span>
            ) : null}
          </>
        ) : entry.commentId !== null ? (
          <span className="muted">Comment removed</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {commenter ? (
          <>
            {commenter.name}
            {commenter.kind === 'staff' ? (
              <>
                {' '}
                <Badge tone="active">Staff</Badge>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
