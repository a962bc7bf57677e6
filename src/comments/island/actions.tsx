import { useEffect, useRef, useState } from 'preact/hooks';
import { announce, focusOn, plural } from './announce.js';
import { call } from './api.js';

/** A comment of this reader's: they may delete it, and edit it until the window closes. */
export interface Own {
  id: number;
  /** As they wrote it (the page shows it rendered). */
  body: string | null;
  /** When editing ends, on this browser's clock. */
  editableUntil: number;
}

const reasons = [
  ['spam', 'Spam or advertising'],
  ['abusive', 'Abusive or harassing'],
  ['offensive', 'Offensive'],
  ['off_topic', 'Off topic'],
  ['misinformation', 'False or misleading'],
  ['illegal', 'Illegal'],
  ['other', 'Something else'],
] as const;

type Mode = 'idle' | 'report' | 'edit' | 'delete';

/**
 * The buttons under a comment: like and report for others' comments, edit (within the
 * window) and delete for the reader's own, each using the JSON routes; every outcome is
 * said beside the buttons and announced.
 */
export function CommentActions({
  article,
  own,
  onDeleted,
}: {
  article: HTMLElement;
  own: Own | null;
  onDeleted: (article: HTMLElement) => void;
}) {
  const id = Number(article.id.replace('comment-', ''));
  const name = article.querySelector('.comment__author')?.textContent ?? 'this comment';
  const [mode, setMode] = useState<Mode>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [liked, setLiked] = useState(false);
  const [reported, setReported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [canEdit, setCanEdit] = useState(own !== null && own.editableUntil > Date.now());
  const firstField = useRef<HTMLElement | null>(null);
  const holder = useRef<HTMLSpanElement | null>(null);
  /** The button that opened a form, to focus again when the form closes. */
  const openedBy = useRef<Mode>('idle');
  const remember = (el: HTMLElement | null) => {
    firstField.current = el;
  };

  useEffect(() => {
    if (!own || !canEdit) return;
    const timer = window.setTimeout(() => setCanEdit(false), Math.max(0, own.editableUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [own, canEdit]);
  useEffect(() => {
    if (mode !== 'idle') firstField.current?.focus();
    else if (openedBy.current !== 'idle') {
      (holder.current?.querySelector(`.comment__action--${openedBy.current}`) as HTMLElement | null)?.focus();
      openedBy.current = 'idle';
    }
  }, [mode]);

  const say = (text: string) => {
    setMessage(text);
    announce(text);
  };
  const close = () => setMode('idle');

  const like = async () => {
    if (busy || liked) return;
    setBusy(true);
    const answer = await call<{ likeCount: number }>('POST', `/api/comments/${id}/likes`);
    setBusy(false);
    if (!answer.ok) return say(answer.problem.message);
    const count = article.querySelector('.comment__likes');
    if (count) count.textContent = plural(answer.data.likeCount, 'like', 'likes');
    setLiked(true);
    say(`You liked ${name}’s comment.`);
  };

  const report = async (event: Event) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const answer = await call<{ message: string }>('POST', `/api/comments/${id}/reports`, {
      reason: String(fields.get('reason') ?? 'other'),
      note: String(fields.get('note') ?? ''),
    });
    setBusy(false);
    if (!answer.ok) return say(answer.problem.message);
    setReported(true);
    setMode('idle');
    say(answer.data.message);
  };

  const edit = async (event: Event) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget as HTMLFormElement).get('body') ?? '');
    setBusy(true);
    const answer = await call<{ status: string; bodyHtml: string | null; message: string }>(
      'PATCH',
      `/api/comments/${id}`,
      { body: text },
    );
    setBusy(false);
    if (!answer.ok) return say(answer.problem.message);
    const body = article.querySelector('.comment__body');
    // The server's rendering of the new text, sanitised as on the page.
    if (body && answer.data.bodyHtml !== null) body.innerHTML = answer.data.bodyHtml;
    if (own) own.body = text;
    setMode('idle');
    say(answer.data.message);
  };

  const remove = async () => {
    setBusy(true);
    const answer = await call<{ message: string }>('DELETE', `/api/comments/${id}`);
    setBusy(false);
    if (!answer.ok) return say(answer.problem.message);
    announce(answer.data.message);
    onDeleted(article);
  };

  const status = message ? (
    <span class="comment__status" role="status">
      {message}
    </span>
  ) : null;

  if (mode === 'report') {
    return (
      <form class="comment__report" onSubmit={report}>
        <label>
          Why are you reporting {name}’s comment?
          <select name="reason" ref={remember}>
            {reasons.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Anything to add (optional)
          <textarea name="note" rows={2} maxLength={1000} />
        </label>
        <button type="submit" disabled={busy}>
          Send report
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
        {status}
      </form>
    );
  }

  if (mode === 'edit') {
    return (
      <form class="comment__edit" onSubmit={edit}>
        <label>
          Edit your comment
          <textarea
            name="body"
            rows={5}
            required
            ref={remember}
            defaultValue={own?.body ?? article.querySelector('.comment__body')?.textContent ?? ''}
          />
        </label>
        <button type="submit" disabled={busy}>
          Save changes
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
        {status}
      </form>
    );
  }

  if (mode === 'delete') {
    return (
      <fieldset class="comment__confirm">
        <legend>Delete your comment?</legend>
        <button type="button" disabled={busy} onClick={remove} ref={remember}>
          Yes, delete it
        </button>
        <button type="button" onClick={close}>
          Keep it
        </button>
        {status}
      </fieldset>
    );
  }

  const open = (next: Mode) => () => {
    openedBy.current = next;
    setMessage(null);
    setMode(next);
  };
  return (
    <span class="comment__actions" ref={holder}>
      {own ? (
        <>
          {canEdit ? (
            <button type="button" class="comment__action--edit" onClick={open('edit')}>
              Edit
            </button>
          ) : null}
          <button type="button" class="comment__action--delete" onClick={open('delete')}>
            Delete
          </button>
        </>
      ) : (
        <>
          {/* aria-disabled, not disabled: the button keeps the keyboard focus it has. */}
          <button type="button" aria-pressed={liked} aria-disabled={busy || liked} onClick={like}>
            {liked ? 'Liked' : 'Like'}
            <span class="visually-hidden"> {name}’s comment</span>
          </button>
          <button
            type="button"
            class="comment__action--report"
            aria-disabled={reported}
            onClick={reported ? undefined : open('report')}
          >
            {reported ? 'Reported' : 'Report'}
            <span class="visually-hidden"> {name}’s comment</span>
          </button>
        </>
      )}
      {status}
    </span>
  );
}

/** Where focus goes once a comment has gone: the thread's count line. */
export function focusAfterDelete(section: HTMLElement): void {
  const count = section.querySelector('.comments__count') as HTMLElement | null;
  if (count) focusOn(count);
}
