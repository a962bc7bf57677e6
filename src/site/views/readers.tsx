import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../errors.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { fieldErrors } from './parts.js';

/** The sign-in page's address, coming back to `returnTo` (a path on this site) afterwards. */
export const signInHref = (returnTo?: string | null) =>
  `/readers/sign-in${returnTo ? `?${new URLSearchParams({ return: returnTo }).toString()}` : ''}`;

/** Where a reader writes a comment on an article when they are signed in (a private page). */
export const writePath = (articleId: number) => `/comments/${articleId}/write`;

// ---------------------------------------------------------------- parts of the comment form

/** In verified-only mode, instead of the guest fields: the way in. */
export function SignInToComment({ href }: { href: string }) {
  return (
    <p class="comments__sign-in">
      Only readers who have confirmed their email address comment here. <a href={href}>Sign in to comment</a>
    </p>
  );
}

/** Instead of name and email: who the comment will be posted as, and the way out. */
export function SignedInAs({ name }: { name: string }) {
  return (
    <p class="comment-form__reader">
      You are commenting as <strong>{name}</strong>. <a href="/readers/sign-in">Not you? Sign out</a>
    </p>
  );
}

export function NotifyRepliesField({ checked }: { checked: boolean }) {
  return (
    <div class="field field--checkbox">
      <input
        id="comment-notifyReplies"
        name="notifyReplies"
        type="checkbox"
        value="on"
        {...(checked ? { checked: true } : {})}
      />
      <label for="comment-notifyReplies">Email me when someone replies</label>
    </div>
  );
}

// ---------------------------------------------------------------- pages

function ReaderLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} meta={{ title, robots: 'noindex' }}>
      <div class="comments-page readers-page">
        <section class="readers" aria-labelledby="readers-title">
          <h1 id="readers-title">{title}</h1>
          {children}
        </section>
      </div>
    </Layout>
  );
}

export interface SignInFormState {
  values?: { email?: string; name?: string };
  errors?: FieldError[];
  returnTo?: string | null;
}

const fieldId = (field: string) => `reader-${field}`;

/** Email and name, a plain form that works without JavaScript; errors linked to their fields and announced. */
export function SignInPage({
  ctx,
  form,
  message,
}: {
  ctx: PageContext;
  form: SignInFormState;
  /** A problem with no field to point at (too many links asked for). */
  message?: string;
}) {
  const errors = form.errors ?? [];
  const { textField } = fieldErrors(errors, fieldId);
  const values = form.values ?? {};
  return (
    <ReaderLayout ctx={ctx} title="Sign in to comment">
      <p>
        We will email you a link. Open it and press the button on the page to confirm your address: then you can comment
        under your name, and ask to be told about replies.
      </p>
      {message ? (
        <p class="comments__problem" role="alert">
          {message}
        </p>
      ) : null}
      <form class="reader-form" method="post" action="/readers/sign-in" novalidate>
        {errors.length > 0 ? (
          <div class="form-errors" role="alert" id="reader-form-errors">
            <h2>Please check the form</h2>
            <ul>
              {errors.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  <a href={`#${fieldId(e.field)}`}>{e.message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {form.returnTo ? <input type="hidden" name="return" value={form.returnTo} /> : null}
        {textField({
          name: 'email',
          label: 'Email',
          type: 'email',
          autocomplete: 'email',
          maxLength: 254,
          value: values.email,
          hint: 'Never shown to anyone.',
        })}
        {textField({
          name: 'name',
          label: 'Name',
          type: 'text',
          autocomplete: 'name',
          maxLength: 80,
          value: values.name,
          hint: 'Shown with your comments.',
        })}
        <button type="submit">Email me a sign-in link</button>
      </form>
    </ReaderLayout>
  );
}

export function SignInSentPage({ ctx, email, minutes }: { ctx: PageContext; email: string; minutes: number }) {
  return (
    <ReaderLayout ctx={ctx} title="Check your email">
      <p role="status">
        If <strong>{email}</strong> can receive mail, a sign-in link is on its way. It works for {minutes} minutes,
        once.
      </p>
      <p>Nothing arrived? Look in your spam folder, or ask for a new link in a few minutes.</p>
    </ReaderLayout>
  );
}

/** Signed in already: who, and the sign-out button (it carries the session's CSRF token). */
export function SignedInPage({
  ctx,
  name,
  csrfToken,
  message,
}: {
  ctx: PageContext;
  name: string;
  csrfToken: string;
  message?: string;
}) {
  return (
    <ReaderLayout ctx={ctx} title="You are signed in">
      {message ? (
        <p class="comments__notice" role="status">
          {message}
        </p>
      ) : null}
      <p>
        You comment as <strong>{name}</strong>.
      </p>
      <form method="post" action="/readers/sign-out">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <button type="submit">Sign out</button>
      </form>
    </ReaderLayout>
  );
}

/** The page a sign-in link opens: nothing happens until the button is pressed. */
export function ConfirmPage({ ctx, token, email }: { ctx: PageContext; token: string; email: string }) {
  return (
    <ReaderLayout ctx={ctx} title="Confirm your email address">
      <p>
        Press the button to confirm <strong>{email}</strong> and sign in to comment.
      </p>
      <form method="post" action="/readers/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm and sign in</button>
      </form>
    </ReaderLayout>
  );
}

/** A dead end with the way forward: an expired or spent link, a refused sign-out. */
export function ReaderMessagePage({
  ctx,
  title,
  message,
  link,
}: {
  ctx: PageContext;
  title: string;
  message: string;
  link?: { href: string; text: string };
}) {
  return (
    <ReaderLayout ctx={ctx} title={title}>
      <p class="comments__problem" role="alert">
        {message}
      </p>
      {link ? (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      ) : null}
    </ReaderLayout>
  );
}

/** The unsubscribe link's page: a button that POSTs, or the result once it has. */
export function UnsubscribePage({
  ctx,
  action,
  name,
  done,
}: {
  ctx: PageContext;
  action: string;
  name: string;
  done: boolean;
}) {
  return done ? (
    <ReaderLayout ctx={ctx} title="You will get no more reply emails">
      <p role="status">We will not email you about replies to your comments any more.</p>
    </ReaderLayout>
  ) : (
    <ReaderLayout ctx={ctx} title="Stop reply emails">
      <p>Hello {name}: press the button and we will stop emailing you when someone replies to your comments.</p>
      <form method="post" action={action}>
        <button type="submit">Stop reply emails</button>
      </form>
    </ReaderLayout>
  );
}
