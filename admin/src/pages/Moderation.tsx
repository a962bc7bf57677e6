import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, queryString } from '../api/client';
import type {
  BulkDecisionResult,
  CommenterHistory,
  CommenterProfile,
  CommentQueue,
  CommentQueuePage,
  ModeratorAction,
  QueueEntry,
  StoredComment,
} from '../api/types';
import { formatDateTime } from '../lib/format';
import { setQuery, useLocation } from '../lib/router';
import { Async, Badge, Loading, PageHeader } from '../ui/bits';
import { Dialog, useToast } from '../ui/Dialog';
import { CheckboxField, ErrorAlert, errorMessage, fieldError, SelectField, TextArea, TextField } from '../ui/Field';
import { CommentSettingsForm } from './CommentSettings';

const tabs: { key: CommentQueue | 'settings'; label: string }[] = [
  { key: 'pending', label: 'Pending' },
  { key: 'reported', label: 'Reported' },
  { key: 'recent', label: 'Recent' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'spam', label: 'Spam' },
  { key: 'settings', label: 'Settings' },
];

const pageSize = 50;

const actionDone: Record<ModeratorAction, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  spam: 'Marked as spam',
  feature: 'Featured',
  unfeature: 'No longer featured',
};

const statusTone: Record<string, string> = {
  approved: 'published',
  pending: 'in_review',
  rejected: 'withdrawn',
  spam: 'failed',
  deleted: 'unpublished',
};

/** Does the comment still belong in this queue after a decision? */
function inQueue(queue: CommentQueue, c: StoredComment): boolean {
  if (queue === 'recent') return true;
  if (queue === 'reported') return c.reportCount > 0 && (c.status === 'approved' || c.status === 'pending');
  if (queue === 'pending') return c.status === 'pending';
  return c.status === queue;
}

/** Keys typed into a field are text, not commands. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function ModerationPage() {
  const { query } = useLocation();
  const requested = query.get('queue');
  const current = tabs.find((t) => t.key === requested) ?? tabs[0];
  // A link from the moderation log names the comment it is about: the queue opens on it.
  const soughtId = Number(query.get('comment')) || null;
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + tabs.length) % tabs.length;
    setQuery({ queue: next === 0 ? null : tabs[next]?.key });
    tabRefs.current[next]?.focus();
  };

  if (!current) return null;
  return (
    <>
      <PageHeader title="Comments" />
      <div role="tablist" aria-label="Comment queues" className="tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === current.key}
            aria-controls={`panel-${tab.key}`}
            tabIndex={tab.key === current.key ? 0 : -1}
            className="tabs__tab"
            onClick={() => setQuery({ queue: i === 0 ? null : tab.key })}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.key}`} aria-labelledby={`tab-${current.key}`} className="tabs__panel">
        {current.key === 'settings' ? (
          <CommentSettingsForm />
        ) : (
          <Queue key={`${current.key}:${soughtId}`} queue={current.key} soughtId={soughtId} />
        )}
      </div>
    </>
  );
}

/** How many pages of a queue are read looking for the comment a link named. */
const soughtPages = 10;

function Queue({ queue, soughtId }: { queue: CommentQueue; soughtId: number | null }) {
  const notify = useToast();
  const [items, setItems] = useState<QueueEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [replying, setReplying] = useState<number | null>(null);
  const [banning, setBanning] = useState<QueueEntry['commenter'] | null>(null);
  const [history, setHistory] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const [seeking, setSeeking] = useState<'looking' | 'found' | 'missing' | null>(soughtId ? 'looking' : null);
  const pagesRead = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await api.get<CommentQueuePage>(
          `/comments${queryString({ queue, limit: pageSize, after: after ?? undefined })}`,
        );
        setItems((list) => (after ? [...list, ...page.items] : page.items));
        setNext(page.next);
        pagesRead.current += 1;
        setError(null);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [queue],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  /** A changed comment: kept in place, or dropped when it no longer belongs to this queue. */
  const applyComment = useCallback(
    (comment: StoredComment) => {
      setItems((list) =>
        list.flatMap((item) =>
          item.comment.id !== comment.id ? [item] : inQueue(queue, comment) ? [{ ...item, comment }] : [],
        ),
      );
      setSelected((set) => {
        if (!set.has(comment.id) || inQueue(queue, comment)) return set;
        const copy = new Set(set);
        copy.delete(comment.id);
        return copy;
      });
    },
    [queue],
  );

  const applyCommenter = useCallback((profile: CommenterProfile) => {
    setItems((list) =>
      list.map((item) =>
        item.commenter.id !== profile.id
          ? item
          : {
              ...item,
              commenter: {
                ...item.commenter,
                status: profile.status,
                suspendedUntil: profile.suspendedUntil,
                alwaysPremoderate: profile.alwaysPremoderate,
                approvedCount: profile.approvedCount,
              },
            },
      ),
    );
  }, []);

  const decide = useCallback(
    async (entry: QueueEntry, action: ModeratorAction) => {
      setBusy(true);
      try {
        const comment = await api.post<StoredComment>(`/comments/${entry.comment.id}/decisions`, { action });
        applyComment(comment);
        notify(`${actionDone[action]}: comment by ${entry.commenter.name}.`);
      } catch (err) {
        notify(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [applyComment, notify],
  );

  const bulk = async (action: 'approve' | 'reject' | 'spam') => {
    if (selected.size === 0) return;
    setBusy(true);
    try {
      const answer = await api.post<BulkDecisionResult>('/comments/decisions', { ids: [...selected], action });
      const failed = answer.results.filter((r) => !r.ok);
      for (const r of answer.results) if (r.comment) applyComment(r.comment);
      setSelected(new Set(failed.map((r) => r.id)));
      const done = answer.results.length - failed.length;
      notify(
        `${actionDone[action]}: ${done} ${done === 1 ? 'comment' : 'comments'}.` +
          (failed.length ? ` ${failed.length} could not be changed: ${failed[0]?.error?.message ?? ''}` : ''),
      );
    } catch (err) {
      notify(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const premoderate = async (commenter: QueueEntry['commenter']) => {
    try {
      const answer = await api.put<{ commenter: CommenterProfile }>(`/commenters/${commenter.id}/premoderation`, {
        on: !commenter.alwaysPremoderate,
      });
      applyCommenter(answer.commenter);
      notify(
        answer.commenter.alwaysPremoderate
          ? `Every comment by ${commenter.name} now waits for a moderator.`
          : `${commenter.name} is moderated as usual again.`,
      );
    } catch (err) {
      notify(errorMessage(err));
    }
  };

  const liftBan = async (commenter: QueueEntry['commenter']) => {
    try {
      const answer = await api.delete<{ commenter: CommenterProfile }>(`/commenters/${commenter.id}/bans`);
      applyCommenter(answer.commenter);
      notify(`${commenter.name} may comment again.`);
    } catch (err) {
      notify(errorMessage(err));
    }
  };

  // The comment a link named: made the active row and brought into view, reading on a few
  // pages if it is further down; or a line saying it is not in this queue (any more).
  useEffect(() => {
    if (seeking !== 'looking' || loading || soughtId === null) return;
    const index = items.findIndex((i) => i.comment.id === soughtId);
    if (index >= 0) {
      setActive(index);
      setSeeking('found');
      const row = rowRefs.current.get(soughtId);
      row?.focus({ preventScroll: true });
      row?.scrollIntoView?.({ block: 'center' });
    } else if (next && pagesRead.current < soughtPages) {
      void load(next);
    } else {
      setSeeking('missing');
    }
  }, [seeking, loading, soughtId, items, next, load]);

  // Keep the active row in range as rows leave the queue.
  const count = items.length;
  useEffect(() => {
    if (active > 0 && active >= count) setActive(Math.max(0, count - 1));
  }, [active, count]);

  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const activeEntry = items[activeIndex];
  const move = useCallback(
    (step: number) => {
      const nextIndex = Math.min(Math.max(0, activeIndex + step), Math.max(0, count - 1));
      setActive(nextIndex);
      const id = items[nextIndex]?.comment.id;
      const row = id === undefined ? undefined : rowRefs.current.get(id);
      row?.focus({ preventScroll: true });
      row?.scrollIntoView?.({ block: 'nearest' });
    },
    [activeIndex, count, items],
  );

  // Keyboard shortcuts, for the whole page, but never while typing or with a dialog open.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing(event.target) || banning || document.querySelector('dialog[open]')) return;
      const entry = activeEntry;
      const key = event.key;
      if (key === 'j') move(1);
      else if (key === 'k') move(-1);
      else if (!entry || busy) return;
      else if (key === 'a' && entry.comment.status !== 'approved') void decide(entry, 'approve');
      else if (key === 'r' && entry.comment.status !== 'rejected') void decide(entry, 'reject');
      else if (key === 's' && entry.comment.status !== 'spam') void decide(entry, 'spam');
      else if (key === 'f' && entry.comment.status === 'approved')
        void decide(entry, entry.comment.featured ? 'unfeature' : 'feature');
      else if (
        key === 'Enter' &&
        !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)
      )
        setReplying(entry.comment.id);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [activeEntry, banning, busy, decide, move]);

  const allSelected = items.length > 0 && items.every((i) => selected.has(i.comment.id));
  const toggle = (id: number, on: boolean) =>
    setSelected((set) => {
      const copy = new Set(set);
      if (on) copy.add(id);
      else copy.delete(id);
      return copy;
    });

  return (
    <div className={history === null ? 'moderation' : 'moderation moderation--with-history'}>
      <div className="moderation__queue">
        <p className="muted moderation__keys" id="moderation-keys">
          Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>s</kbd>{' '}
          spam · <kbd>f</kbd> feature · <kbd>Enter</kbd> reply
        </p>
        <fieldset className="moderation__bulk">
          <legend className="visually-hidden">Bulk actions</legend>
          <CheckboxField
            label="Select all"
            checked={allSelected}
            disabled={items.length === 0}
            onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.comment.id)) : new Set())}
          />
          <span className="muted" aria-live="polite">
            {selected.size} selected
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={busy || selected.size === 0}
            onClick={() => void bulk('approve')}
          >
            Approve selected
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy || selected.size === 0}
            onClick={() => void bulk('reject')}
          >
            Reject selected
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy || selected.size === 0}
            onClick={() => void bulk('spam')}
          >
            Mark selected as spam
          </button>
        </fieldset>
        {error ? <ErrorAlert error={error} /> : null}
        {seeking === 'missing' ? (
          <p className="notice" role="status">
            Comment {soughtId} is not in this queue any more: someone has decided on it since, or it is further down
            than the first {soughtPages * pageSize}.
          </p>
        ) : null}
        {loading && items.length === 0 ? (
          <Loading />
        ) : items.length === 0 ? (
          <div className="empty">
            <p>Nothing here. {queue === 'pending' ? 'Every comment has been looked at.' : ''}</p>
          </div>
        ) : (
          <ol className="mod-list" aria-label="Comments" aria-describedby="moderation-keys">
            {items.map((entry, index) => (
              <QueueRow
                key={entry.comment.id}
                entry={entry}
                active={entry === activeEntry}
                selected={selected.has(entry.comment.id)}
                busy={busy}
                replying={replying === entry.comment.id}
                rowRef={(el) => {
                  if (el) rowRefs.current.set(entry.comment.id, el);
                  else rowRefs.current.delete(entry.comment.id);
                }}
                onFocusRow={() => setActive(index)}
                onSelect={(on) => toggle(entry.comment.id, on)}
                onDecide={(action) => void decide(entry, action)}
                onReply={() => setReplying(entry.comment.id)}
                onReplyDone={(sent) => {
                  setReplying(null);
                  if (sent) notify(`Reply sent to ${entry.commenter.name}.`);
                }}
                onBan={() => setBanning(entry.commenter)}
                onLiftBan={() => void liftBan(entry.commenter)}
                onPremoderate={() => void premoderate(entry.commenter)}
                onHistory={() => setHistory(entry.commenter.id)}
              />
            ))}
          </ol>
        )}
        {next ? (
          <button type="button" className="button" disabled={loading} onClick={() => void load(next)}>
            Load more
          </button>
        ) : null}
      </div>
      {history !== null ? <HistoryPanel key={history} commenterId={history} onClose={() => setHistory(null)} /> : null}
      {banning ? (
        <BanDialog
          commenter={banning}
          onClose={() => setBanning(null)}
          onBanned={(profile, rejected) => {
            setBanning(null);
            applyCommenter(profile);
            notify(
              `${profile.displayName} ${profile.status === 'banned' ? 'is banned' : 'is suspended'}` +
                (rejected ? `; ${rejected} of their comments rejected.` : '.'),
            );
            if (rejected) void load(null);
          }}
        />
      ) : null}
    </div>
  );
}

interface RowProps {
  entry: QueueEntry;
  active: boolean;
  selected: boolean;
  busy: boolean;
  replying: boolean;
  rowRef: (el: HTMLElement | null) => void;
  onFocusRow: () => void;
  onSelect: (on: boolean) => void;
  onDecide: (action: ModeratorAction) => void;
  onReply: () => void;
  onReplyDone: (sent: boolean) => void;
  onBan: () => void;
  onLiftBan: () => void;
  onPremoderate: () => void;
  onHistory: () => void;
}

function QueueRow(props: RowProps) {
  const { entry, active } = props;
  const { comment, commenter, article } = entry;
  const who = commenter.name || 'a deleted reader';
  const banned = commenter.status !== 'active';
  return (
    <li
      ref={props.rowRef}
      tabIndex={-1}
      className={active ? 'mod-item mod-item--active' : 'mod-item'}
      aria-current={active ? 'true' : undefined}
      aria-label={`Comment by ${who}`}
      onFocus={props.onFocusRow}
    >
      <div className="mod-item__head">
        <input
          type="checkbox"
          aria-label={`Select comment by ${who}`}
          checked={props.selected}
          onChange={(e) => props.onSelect(e.target.checked)}
        />
        <strong>{who}</strong>
        {commenter.kind === 'staff' ? <Badge tone="active">Staff</Badge> : null}
        {commenter.email ? <span className="muted">{commenter.email}</span> : null}
        <span className="muted">
          {commenter.approvedCount} approved
          {commenter.alwaysPremoderate ? ' · always premoderated' : ''}
        </span>
        {banned ? (
          <Badge tone="suspended">
            {commenter.status === 'banned' ? 'Banned' : `Suspended until ${formatDateTime(commenter.suspendedUntil)}`}
          </Badge>
        ) : null}
        <button
          type="button"
          className="button button--ghost button--small mod-item__history"
          onClick={props.onHistory}
        >
          History
        </button>
      </div>
      <p className="mod-item__meta muted">
        On{' '}
        {article.url ? (
          <a href={article.url} target="_blank" rel="noreferrer">
            {article.headline || `article ${article.id}`}
          </a>
        ) : (
          <span>{article.headline || `article ${article.id}`}</span>
        )}{' '}
        · {formatDateTime(comment.createdAt)} · <Badge tone={statusTone[comment.status]}>{comment.status}</Badge>
        {comment.featured ? (
          <>
            {' '}
            <Badge tone="slot">Featured</Badge>
          </>
        ) : null}
        {comment.parentId !== null ? ' · a reply' : ''}
      </p>
      {/* The reader's own text, as text: no markup of theirs reaches the newsroom. */}
      <p className="mod-item__body">{comment.body}</p>
      {entry.decisionReason ? (
        <p className="mod-item__reason">
          <span className="muted">{comment.status === 'pending' ? 'Held: ' : 'Reason: '}</span>
          {entry.decisionReason}
        </p>
      ) : null}
      {entry.reports.length > 0 ? (
        <div className="mod-item__reports">
          <span className="muted">
            {entry.reports.length} {entry.reports.length === 1 ? 'report' : 'reports'}:
          </span>
          <ul>
            {entry.reports.map((r) => (
              <li key={`${r.createdAt}:${r.reason}:${r.note}`}>
                {r.reason.replace(/_/g, ' ')}
                {r.note ? ` — ${r.note}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mod-item__actions button-row">
        {comment.status !== 'approved' ? (
          <button
            type="button"
            className="button button--small"
            disabled={props.busy}
            onClick={() => props.onDecide('approve')}
          >
            Approve
          </button>
        ) : null}
        {comment.status !== 'rejected' ? (
          <button
            type="button"
            className="button button--small"
            disabled={props.busy}
            onClick={() => props.onDecide('reject')}
          >
            Reject
          </button>
        ) : null}
        {comment.status !== 'spam' ? (
          <button
            type="button"
            className="button button--small"
            disabled={props.busy}
            onClick={() => props.onDecide('spam')}
          >
            Spam
          </button>
        ) : null}
        {comment.status === 'approved' ? (
          <button
            type="button"
            className="button button--small"
            disabled={props.busy}
            aria-pressed={comment.featured}
            onClick={() => props.onDecide(comment.featured ? 'unfeature' : 'feature')}
          >
            Feature
          </button>
        ) : null}
        {comment.status === 'approved' || comment.status === 'pending' ? (
          <button type="button" className="button button--small" onClick={props.onReply}>
            Reply
          </button>
        ) : null}
        {commenter.kind !== 'staff' ? (
          banned ? (
            <button type="button" className="button button--small" onClick={props.onLiftBan}>
              Lift ban
            </button>
          ) : (
            <button type="button" className="button button--small button--danger-ghost" onClick={props.onBan}>
              Ban
            </button>
          )
        ) : null}
        {commenter.kind !== 'staff' ? (
          <button
            type="button"
            className="button button--small"
            aria-pressed={commenter.alwaysPremoderate}
            onClick={props.onPremoderate}
          >
            Always premoderate
          </button>
        ) : null}
      </div>
      {props.replying ? <ReplyForm comment={comment} who={who} onDone={props.onReplyDone} /> : null}
    </li>
  );
}

function ReplyForm({ comment, who, onDone }: { comment: StoredComment; who: string; onDone: (sent: boolean) => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector('textarea')?.focus();
  }, []);
  return (
    <form
      ref={ref}
      className="mod-reply stack stack--tight"
      aria-label={`Reply to ${who}`}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          await api.post(`/comments/${comment.id}/replies`, { body });
          onDone(true);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(false);
        }
      }}
    >
      <ErrorAlert error={error} fields={['body']} />
      <TextArea
        label="Reply as staff"
        hint="Published under the comment with the staff badge."
        rows={3}
        value={body}
        error={fieldError(error, 'body')}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={busy || !body.trim()}>
          Send reply
        </button>
        <button type="button" className="button button--small" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const durations = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: 'permanent', label: 'Permanent' },
];

function BanDialog({
  commenter,
  onClose,
  onBanned,
}: {
  commenter: QueueEntry['commenter'];
  onClose: () => void;
  onBanned: (profile: CommenterProfile, rejected: number) => void;
}) {
  const [duration, setDuration] = useState('1');
  const [rejectPast, setRejectPast] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={`Ban ${commenter.name}`} onClose={onClose}>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            const until =
              duration === 'permanent' ? undefined : new Date(Date.now() + Number(duration) * 86_400_000).toISOString();
            const answer = await api.post<{ commenter: CommenterProfile; rejected: number }>(
              `/commenters/${commenter.id}/bans`,
              { ...(until ? { until } : {}), rejectPast, ...(reason.trim() ? { reason: reason.trim() } : {}) },
            );
            onBanned(answer.commenter, answer.rejected);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <ErrorAlert error={error} fields={['until', 'reason']} />
        <SelectField
          label="Duration"
          value={duration}
          error={fieldError(error, 'until')}
          onChange={(e) => setDuration(e.target.value)}
          data-autofocus
        >
          {durations.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label="Also reject their past comments"
          checked={rejectPast}
          onChange={(e) => setRejectPast(e.target.checked)}
        />
        <TextField
          label="Reason (optional)"
          value={reason}
          maxLength={500}
          error={fieldError(error, 'reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={busy}>
            Ban commenter
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function HistoryPanel({ commenterId, onClose }: { commenterId: number; onClose: () => void }) {
  const [data, setData] = useState<CommenterHistory | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<CommenterHistory>(`/commenters/${commenterId}`, { signal: controller.signal })
      .then(setData)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [commenterId]);
  const counts = useMemo(() => (data ? Object.entries(data.counts).filter(([, n]) => n > 0) : []), [data]);
  const name = data?.commenter.displayName ?? 'commenter';
  return (
    <aside className="side-panel moderation__history" aria-label={`History of ${name}`}>
      <div className="moderation__history-head">
        <h2 className="side-panel__title">History of {name}</h2>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close history
        </button>
      </div>
      <div className="side-panel__body">
        <Async loading={!data && !error} error={error} hasData={data !== null}>
          {data ? (
            <>
              <dl className="meta-list">
                <dt>Email</dt>
                <dd>{data.commenter.email ?? '—'}</dd>
                <dt>Kind</dt>
                <dd>{data.commenter.kind}</dd>
                <dt>Status</dt>
                <dd>
                  {data.commenter.status}
                  {data.commenter.suspendedUntil ? ` until ${formatDateTime(data.commenter.suspendedUntil)}` : ''}
                  {data.commenter.alwaysPremoderate ? ' · always premoderated' : ''}
                </dd>
                <dt>Since</dt>
                <dd>{formatDateTime(data.commenter.createdAt)}</dd>
                <dt>Comments</dt>
                <dd>{counts.length ? counts.map(([status, n]) => `${n} ${status}`).join(' · ') : 'none'}</dd>
              </dl>
              <h3 className="side-panel__subtitle">Latest comments</h3>
              <ul className="moderation__history-list">
                {data.comments.map((c) => (
                  <li key={c.id}>
                    <span className="muted">
                      {formatDateTime(c.createdAt)} · {c.status}
                    </span>
                    <p className="mod-item__body">{c.body}</p>
                  </li>
                ))}
              </ul>
              <h3 className="side-panel__subtitle">Moderation log</h3>
              <ul className="moderation__history-list">
                {data.log.map((e) => (
                  <li key={e.id}>
                    <span className="muted">{formatDateTime(e.createdAt)}</span> {e.action.replace(/_/g, ' ')}
                    {e.commentId ? ` (comment ${e.commentId})` : ''} by {e.staff ? e.staff.name : 'the system'}
                    {e.reason ? ` — ${e.reason}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Async>
      </div>
    </aside>
  );
}
