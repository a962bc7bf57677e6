import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Session, StaffRole } from '../api/types';
import { roleLabels } from '../lib/format';
import { BASE, href, Link, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Loading, useTitle } from '../ui/bits';
import { ErrorAlert, fieldError, TextField } from '../ui/Field';

const minPasswordLength = 10;

/** Only addresses inside the newsroom are followed after signing in. */
export function safeNext(next: string | null): string {
  return next?.startsWith(`${BASE}/`) && !next.startsWith('//') ? next : href('/');
}

function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  useTitle(title);
  return (
    <div className="auth">
      <div className="auth__card">
        <p className="auth__brand">
          Newsdesk <span>Newsroom</span>
        </p>
        <h1 tabIndex={-1}>{title}</h1>
        {intro ? <div className="auth__intro">{intro}</div> : null}
        {children}
      </div>
    </div>
  );
}

type Problems = Record<string, string>;

function passwordProblem(password: string): string | undefined {
  if (!password) return 'Choose a password.';
  if (password.length < minPasswordLength) return `Use at least ${minPasswordLength} characters.`;
  return undefined;
}

function clean(problems: Record<string, string | undefined>): Problems {
  return Object.fromEntries(Object.entries(problems).filter(([, v]) => v)) as Problems;
}

export function LoginPage({ next }: { next: string | null }) {
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = clean({
      email: email.trim() ? undefined : 'Enter your email address.',
      password: password ? undefined : 'Enter your password.',
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>('/session', { email: email.trim(), password });
      setSession(session);
      await navigate(safeNext(next), { replace: true, force: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError({ status: 401, code: err.code, message: 'That email and password do not match an account.' })
          : err,
      );
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Sign in">
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert error={error} fields={['email', 'password']} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.email ?? fieldError(error, 'email')}
          required
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problems.password ?? fieldError(error, 'password')}
          required
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth__links">
        <Link to="/forgot">Forgot your password?</Link>
      </p>
    </AuthCard>
  );
}

export function SetupPage() {
  const { setSession } = useSession();
  const setup = useApi<{ needsOwner: boolean }>('/setup');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (setup.loading && !setup.data) return <Loading />;
  if (setup.data && !setup.data.needsOwner) {
    return (
      <AuthCard title="The newsroom is set up">
        <p>An owner account already exists.</p>
        <p>
          <Link to="/login" className="button button--primary">
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = clean({
      name: name.trim() ? undefined : 'Enter your name.',
      email: /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? undefined : 'Enter an email address.',
      password: passwordProblem(password),
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>('/setup', { name: name.trim(), email: email.trim(), password });
      setSession(session);
      await navigate(href('/'), { replace: true, force: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="Create the owner account"
      intro={
        <p>
          Welcome to Newsdesk. The owner runs the newsroom: settings, staff and everything else. You can invite your
          colleagues next.
        </p>
      }
    >
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert error={error ?? setup.error} fields={['name', 'email', 'password']} />
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={problems.name ?? fieldError(error, 'name')}
          required
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.email ?? fieldError(error, 'email')}
          required
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problems.password ?? fieldError(error, 'password')}
          hint={`At least ${minPasswordLength} characters.`}
          required
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Creating…' : 'Create the owner account'}
        </button>
      </form>
    </AuthCard>
  );
}

export function ForgotPage() {
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setProblem('Enter your email address.');
      return;
    }
    setProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      await api.post('/password-resets', { email: email.trim() });
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Reset your password">
      {sent ? (
        <div role="status" className="alert alert--success">
          <p>If that address belongs to a newsroom account, a link to choose a new password is on its way.</p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <p>Enter the address you sign in with and we will email you a link.</p>
          <ErrorAlert error={error} fields={['email']} />
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={problem ?? fieldError(error, 'email')}
            required
          />
          <button type="submit" className="button button--primary button--wide" disabled={busy}>
            {busy ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
      <p className="auth__links">
        <Link to="/login">Back to sign in</Link>
      </p>
    </AuthCard>
  );
}

function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  problems,
  error,
}: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  problems: Problems;
  error: unknown;
}) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={problems.password ?? fieldError(error, 'password')}
        hint={`At least ${minPasswordLength} characters.`}
        required
      />
      <TextField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={problems.confirm}
        required
      />
    </>
  );
}

export function ResetPage({ token }: { token: string }) {
  const { setSession } = useSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (error instanceof ApiError && error.status === 410) {
    return (
      <AuthCard title="This link has expired">
        <p>Reset links work once and for a limited time. Ask for a new one.</p>
        <p>
          <Link to="/forgot" className="button button--primary">
            Request a new link
          </Link>
        </p>
      </AuthCard>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = clean({
      password: passwordProblem(password),
      confirm: confirm === password ? undefined : 'The two passwords differ.',
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.put<Session>(`/password-resets/${encodeURIComponent(token)}`, { password });
      setSession(session);
      await navigate(href('/'), { replace: true, force: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert error={error} fields={['password']} />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          problems={problems}
          error={error}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthCard>
  );
}

export function InvitePage({ token }: { token: string }) {
  const { setSession } = useSession();
  const invitation = useApi<{ email: string; name: string; role: StaffRole }>(
    `/invitations/${encodeURIComponent(token)}`,
  );
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const failure = error ?? invitation.error;
  if (failure instanceof ApiError && (failure.status === 410 || failure.status === 404)) {
    return (
      <AuthCard title="This invitation has expired">
        <p>Invitations work once and for a limited time. Ask the person who invited you to send a new one.</p>
      </AuthCard>
    );
  }
  if (invitation.loading && !invitation.data) return <Loading />;

  const invited = invitation.data;
  const currentName = name ?? invited?.name ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = clean({
      name: currentName.trim() ? undefined : 'Enter your name.',
      password: passwordProblem(password),
      confirm: confirm === password ? undefined : 'The two passwords differ.',
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.put<Session>(`/invitations/${encodeURIComponent(token)}`, {
        name: currentName.trim(),
        password,
      });
      setSession(session);
      await navigate(href('/'), { replace: true, force: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="Join the newsroom"
      intro={
        invited ? (
          <p>
            You are invited as <strong>{roleLabels[invited.role] ?? invited.role}</strong> with the address{' '}
            <strong>{invited.email}</strong>. Choose how your name appears and a password.
          </p>
        ) : null
      }
    >
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert error={failure} fields={['name', 'password']} />
        <TextField
          label="Name"
          autoComplete="name"
          value={currentName}
          onChange={(e) => setName(e.target.value)}
          error={problems.name ?? fieldError(error, 'name')}
          required
        />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          problems={problems}
          error={error}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Joining…' : 'Accept invitation'}
        </button>
      </form>
    </AuthCard>
  );
}
