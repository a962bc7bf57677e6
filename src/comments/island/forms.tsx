import { render } from 'preact';
import { announce, focusOn } from './announce.js';
import { call, type FieldProblem, newClientKey } from './api.js';

/** What POST /api/comments answers when a comment went in (201 published, 202 held). */
export interface Posted {
  comment: {
    id: number;
    parentId: number | null;
    rootId: number;
    depth: number;
    status: string;
    editableUntil: string;
    editableForMs: number;
  };
  published: boolean;
  html: string;
  message: string;
}

type Status =
  | { kind: 'problem'; message: string | null; errors: FieldProblem[]; ids: Record<string, string> }
  | { kind: 'notice'; text: string }
  | null;

/** Above the fields: the mistakes (each linked to its field), or what became of the comment just sent. */
function FormStatus({ status }: { status: Status }) {
  if (!status) return null;
  if (status.kind === 'notice') {
    return (
      <p class="comment-form__notice" role="status" tabIndex={-1}>
        {status.text}
      </p>
    );
  }
  const { errors, ids, message } = status;
  return (
    <div class="form-errors" role="alert" tabIndex={-1}>
      {errors.length > 0 ? <h4>Please check your comment</h4> : null}
      {message ? <p>{message}</p> : null}
      {errors.length > 0 ? (
        <ul>
          {errors.map((e) => {
            const id = ids[e.field];
            return (
              <li key={`${e.field}:${e.message}`}>
                {id ? (
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(id)?.focus();
                    }}
                  >
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Posts a comment form with fetch instead of a page load: the same fields (whatever the
 * server's form carries) to POST /api/comments, the errors beside their fields and in a
 * summary that is announced, and on success `onPosted` puts the comment in place.
 */
export function enhanceForm(
  form: HTMLFormElement,
  onPosted: (posted: Posted, form: HTMLFormElement, text: string) => void,
): void {
  const statusBox = document.createElement('div');
  statusBox.className = 'comment-form__status';
  const title = form.querySelector('.comment-form__title');
  if (title) title.after(statusBox);
  else form.prepend(statusBox);
  // A summary rendered by the server (a form sent back with mistakes) gives way to ours.
  for (const old of Array.from(form.querySelectorAll('.form-errors'))) old.remove();
  const show = (status: Status) => render(<FormStatus status={status} />, statusBox);
  const key = hidden(form, 'clientKey');
  if (!key.value) key.value = newClientKey();
  let busy = false;

  const problem = (errors: FieldProblem[], message: string | null) => {
    show({ kind: 'problem', message, errors, ids: markFields(form, errors) });
    const box = statusBox.firstElementChild as HTMLElement | null;
    if (box) focusOn(box);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    // Empty fields are caught here, in the server's words; everything else the server checks.
    const empty = emptyFields(form);
    if (empty.length > 0) return problem(empty, null);
    busy = true;
    const button = form.querySelector('button[type="submit"]') as HTMLButtonElement | null;
    if (button) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const fields: Record<string, string> = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') fields[name] = value;
    });
    const answer = await call<Posted>('POST', '/api/comments', fields);
    busy = false;
    if (button) button.disabled = false;
    form.removeAttribute('aria-busy');

    if (!answer.ok) {
      const { fields: errors, message } = answer.problem;
      return problem(errors, errors.length > 0 ? null : message);
    }
    markFields(form, []);
    const body = form.elements.namedItem('body');
    if (body instanceof HTMLTextAreaElement) body.value = '';
    key.value = newClientKey();
    if (answer.data.published) {
      show(null);
      announce(answer.data.message);
      onPosted(answer.data, form, fields.body ?? '');
    } else {
      show({ kind: 'notice', text: `Thank you. ${answer.data.message}` });
      const notice = statusBox.firstElementChild as HTMLElement | null;
      if (notice) focusOn(notice);
    }
  });
}

const whenEmpty: Record<string, string> = {
  name: 'Give a name of up to 80 characters.',
  email: 'Give an email address like name@example.com.',
  body: 'Write your comment before posting it.',
};

function emptyFields(form: HTMLFormElement): FieldProblem[] {
  return Object.entries(whenEmpty).flatMap(([name, message]) => {
    const field = form.elements.namedItem(name);
    const empty =
      (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.value.trim() === '';
    return empty ? [{ field: name, message }] : [];
  });
}

/** Marks the fields with problems (aria-invalid, an error linked by aria-describedby); returns their ids. */
function markFields(form: HTMLFormElement, errors: FieldProblem[]): Record<string, string> {
  for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  for (const p of Array.from(form.querySelectorAll('.field-error'))) p.remove();
  for (const el of Array.from(form.querySelectorAll('[aria-describedby]'))) {
    const kept = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((t) => t && !t.endsWith('-error'));
    if (kept.length > 0) el.setAttribute('aria-describedby', kept.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  const ids: Record<string, string> = {};
  for (const error of errors) {
    const field = form.elements.namedItem(error.field);
    if (!(field instanceof HTMLElement) || !field.id || ids[error.field]) continue;
    const message = document.createElement('p');
    message.className = 'field-error';
    message.id = `${field.id}-error`;
    message.textContent = error.message;
    field.after(message);
    field.setAttribute('aria-invalid', 'true');
    const described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', described ? `${described} ${message.id}` : message.id);
    ids[error.field] = field.id;
  }
  return ids;
}

function hidden(form: HTMLFormElement, name: string): HTMLInputElement {
  const found = form.elements.namedItem(name);
  if (found instanceof HTMLInputElement) return found;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  form.prepend(input);
  return input;
}

/**
 * A reply form opened under a comment: a copy of the page's own form (so it has the same
 * fields, and the name and email already typed), its ids made unique, answering `parentId`.
 */
export function replyFormFrom(main: HTMLFormElement, parentId: number, authorName: string): HTMLFormElement {
  const form = main.cloneNode(true) as HTMLFormElement;
  const prefix = `reply-${parentId}-`;
  form.id = `reply-form-${parentId}`;
  form.classList.add('comment-form--reply');
  for (const old of Array.from(form.querySelectorAll('.comment-form__status, .form-errors, .field-error')))
    old.remove();
  for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  for (const el of Array.from(form.querySelectorAll('[id]'))) el.id = `${prefix}${el.id}`;
  for (const label of Array.from(form.querySelectorAll('label[for]'))) {
    label.setAttribute('for', `${prefix}${label.getAttribute('for')}`);
  }
  for (const el of Array.from(form.querySelectorAll('[aria-describedby]'))) {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((t) => t && !t.endsWith('-error'));
    if (ids.length > 0) el.setAttribute('aria-describedby', ids.map((id) => `${prefix}${id}`).join(' '));
    else el.removeAttribute('aria-describedby');
  }
  hidden(form, 'parentId').value = String(parentId);
  hidden(form, 'clientKey').value = '';
  const body = form.elements.namedItem('body');
  if (body instanceof HTMLTextAreaElement) body.value = '';
  const title = form.querySelector('.comment-form__title');
  if (title) title.textContent = `Your reply to ${authorName}`;
  const submit = form.querySelector('button[type="submit"]');
  if (submit) submit.textContent = 'Post reply';
  return form;
}
