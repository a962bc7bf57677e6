import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, itemsOf } from '../api/client';
import {
  type Article,
  type ArticleEvent,
  type List,
  type Note,
  type NoteKind,
  noteKinds,
  type RevisionDiff,
  type RevisionSummary,
} from '../api/types';
import { formatDateTime, noteKindLabels } from '../lib/format';
import { Loading } from '../ui/bits';
import { Dialog, useConfirm, useToast } from '../ui/Dialog';
import { ErrorAlert, fieldError, SelectField, TextArea } from '../ui/Field';

const actionLabels: Record<string, string> = {
  created: 'created the article',
  edited: 'edited',
  submitted: 'submitted it for review',
  returned: 'returned it to draft',
  scheduled: 'scheduled it',
  unscheduled: 'unscheduled it',
  published: 'published it',
  unpublished: 'unpublished it',
  withdrawn: 'withdrew it',
  note_added: 'added a note',
  restored: 'restored an earlier version',
};

/** Who did what, and the saved versions with a diff against now and a way back. */
export function HistoryPanel({
  article,
  dirty,
  onRestored,
}: {
  article: Article;
  dirty: boolean;
  onRestored: (article: Article) => void;
}) {
  const confirm = useConfirm();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<ArticleEvent[] | null>(null);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [comparing, setComparing] = useState<RevisionSummary | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [e, r] = await Promise.all([
        api.get<List<ArticleEvent> | ArticleEvent[]>(`/articles/${article.id}/events`),
        api.get<List<RevisionSummary> | RevisionSummary[]>(`/articles/${article.id}/revisions`),
      ]);
      setEvents(itemsOf(e));
      setRevisions(itemsOf(r));
    } catch (err) {
      setError(err);
    }
  }, [article.id]);

  // Loaded when first opened, and again after every save while open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version or status means new history
  useEffect(() => {
    if (open) void load();
  }, [open, load, article.version, article.status]);

  const restore = async (revision: RevisionSummary) => {
    const ok = await confirm({
      title: `Restore version ${revision.version}?`,
      message: dirty
        ? 'Its text becomes a new version of the article. Your unsaved changes will be replaced.'
        : 'Its text becomes a new version of the article; nothing is lost, the current version stays in the history.',
      confirmLabel: 'Restore this version',
    });
    if (!ok) return;
    setRestoring(revision.id);
    setError(null);
    try {
      const restored = await api.post<Article>(`/articles/${article.id}/revisions/${revision.id}/restoration`, {
        version: article.version,
      });
      onRestored(restored);
      toast(`Version ${revision.version} restored`);
    } catch (err) {
      setError(err);
    } finally {
      setRestoring(null);
    }
  };

  return (
    <>
      <details className="side-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="side-panel__title">History</summary>
        <div className="side-panel__body">
          <ErrorAlert error={error} />
          {open && (events === null || revisions === null) && !error ? <Loading /> : null}
          {revisions ? (
            <>
              <h3 className="side-panel__subtitle">Versions</h3>
              {revisions.length === 0 ? <p className="muted">No earlier versions.</p> : null}
              <ol className="revisions">
                {revisions.map((r) => (
                  <li key={r.id} className="revisions__item">
                    <span className="revisions__what">
                      Version {r.version}
                      {r.autosave ? <span className="muted"> · autosave</span> : null}
                    </span>
                    <span className="revisions__meta">
                      {r.staff?.name ?? 'System'} · <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                    </span>
                    <span className="button-row">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Compare version ${r.version} with the current article`}
                        onClick={() => setComparing(r)}
                      >
                        Compare
                      </button>
                      {article.abilities.edit && r.version !== article.version ? (
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          aria-label={`Restore version ${r.version}`}
                          disabled={restoring !== null}
                          onClick={() => void restore(r)}
                        >
                          Restore
                        </button>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {events ? (
            <>
              <h3 className="side-panel__subtitle">Activity</h3>
              <ol className="timeline">
                {events.map((e) => (
                  <li key={e.id}>
                    <strong>{e.staff?.name ?? 'System'}</strong> {actionLabels[e.action] ?? e.action.replace(/_/g, ' ')}
                    {e.detail ? <span className="timeline__detail"> {e.detail}</span> : null}
                    <time className="timeline__time" dateTime={e.createdAt}>
                      {formatDateTime(e.createdAt)}
                    </time>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </div>
      </details>
      {comparing ? <DiffDialog article={article} revision={comparing} onClose={() => setComparing(null)} /> : null}
    </>
  );
}

function DiffDialog({
  article,
  revision,
  onClose,
}: {
  article: Article;
  revision: RevisionSummary;
  onClose: () => void;
}) {
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<RevisionDiff>(`/articles/${article.id}/revisions/${revision.id}/diff`).then(setDiff).catch(setError);
  }, [article.id, revision.id]);

  const changed = diff?.fields.filter((f) => f.parts.some((p) => p.change !== 'same')) ?? [];
  return (
    <Dialog
      title={`Version ${revision.version} compared with the current article`}
      onClose={onClose}
      className="dialog--wide"
    >
      <p className="diff-legend">
        <del>Struck through</del>: only in version {revision.version}. <ins>Underlined</ins>: added since.
      </p>
      <ErrorAlert error={error} />
      {diff === null && !error ? <Loading /> : null}
      {diff && changed.length === 0 ? <p>No differences.</p> : null}
      {changed.map((field) => (
        <section key={field.field} className="diff">
          <h3 className="diff__label">{field.label}</h3>
          <p className="diff__text">
            {field.parts.map((part, i) =>
              part.change === 'added' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
                <ins key={i}>{part.text}</ins>
              ) : part.change === 'removed' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
                <del key={i}>{part.text}</del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </Dialog>
  );
}

/** Corrections, updates and clarifications: appended with their time, never edited. */
export function NotesPanel({ article, onAdded }: { article: Article; onAdded: (note: Note) => void }) {
  const toast = useToast();
  const [kind, setKind] = useState<NoteKind>('correction');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const notes = article.notes ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setProblem('Write the note first.');
      return;
    }
    setProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      const note = await api.post<Note>(`/articles/${article.id}/notes`, { kind, body: body.trim() });
      onAdded(note);
      setBody('');
      toast(`${noteKindLabels[note.kind] ?? 'Note'} added`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="side-panel" open={notes.length > 0 || article.status === 'published'}>
      <summary className="side-panel__title">Notes{notes.length > 0 ? ` (${notes.length})` : ''}</summary>
      <div className="side-panel__body">
        {notes.length === 0 ? <p className="muted">No corrections or updates.</p> : null}
        <ol className="notes-list">
          {notes.map((n) => (
            <li key={n.id} className={`note note--${n.kind}`}>
              <p className="note__head">
                <strong>{noteKindLabels[n.kind] ?? n.kind}</strong> ·{' '}
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
              <p className="note__body">{n.body}</p>
            </li>
          ))}
        </ol>
        {article.abilities.edit ? (
          <form className="stack" onSubmit={submit} noValidate>
            <ErrorAlert error={error} fields={['kind', 'body']} />
            <SelectField
              label="Kind of note"
              value={kind}
              onChange={(e) => setKind(e.target.value as NoteKind)}
              error={fieldError(error, 'kind')}
            >
              {noteKinds.map((k) => (
                <option key={k} value={k}>
                  {noteKindLabels[k]}
                </option>
              ))}
            </SelectField>
            <TextArea
              label="Note text"
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              error={problem ?? fieldError(error, 'body')}
              hint="Shown to readers at the foot of the article with today’s date. Notes cannot be edited once added."
            />
            <button type="submit" className="button button--small" disabled={busy}>
              Add note
            </button>
          </form>
        ) : null}
      </div>
    </details>
  );
}
