import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api/client';
import type { Ability, Session } from './api/types';
import { resetCollections } from './lib/collections';
import { roleLabels } from './lib/format';
import { href, Link, lastNavigationKind, matchPath, navigate, useLocation } from './lib/router';
import { abilityScope, SessionContext, type SessionContextValue, useSession } from './lib/session';
import { ArticleListPage } from './pages/ArticleList';
import { ForgotPage, InvitePage, LoginPage, ResetPage, SetupPage } from './pages/AuthPages';
import { ContentKeysPage } from './pages/ContentKeys';
import { MediaLibraryPage } from './pages/MediaLibrary';
import { ModerationPage } from './pages/Moderation';
import { ModerationLogPage } from './pages/ModerationLog';
import { OutboxPage } from './pages/Outbox';
import { SettingsPage } from './pages/Settings';
import { StaffPage } from './pages/Staff';
import { TaxonomyPage } from './pages/Taxonomy';
import { WireInboxPage } from './pages/WireInbox';
import { WireSourcesPage } from './pages/WireSources';
import { Loading, PageHeader } from './ui/bits';
import { ConfirmProvider, Dialog, ToastProvider } from './ui/Dialog';
import { ErrorAlert, TextField } from './ui/Field';

// The editor carries TipTap and ProseMirror; the list should not wait for them.
const EditorPage = lazy(() => import('./editor/EditorPage'));

interface Route {
  pattern: string;
  /** Any of these abilities opens the page. */
  abilities: Ability[];
  render: (params: Record<string, string>, query: URLSearchParams) => ReactNode;
}

const routes: Route[] = [
  { pattern: '/', abilities: ['articles.read'], render: () => <ArticleListPage /> },
  {
    pattern: '/articles/new',
    abilities: ['articles.create'],
    render: () => <EditorPage articleId={null} />,
  },
  {
    pattern: '/articles/:id',
    abilities: ['articles.read'],
    render: (p) => <EditorPage articleId={Number(p.id)} />,
  },
  { pattern: '/media', abilities: ['media.upload', 'media.manage'], render: () => <MediaLibraryPage /> },
  { pattern: '/sections', abilities: ['taxonomy.manage'], render: (_, q) => <TaxonomyPage tab={q.get('tab')} /> },
  { pattern: '/staff', abilities: ['staff.manage'], render: () => <StaffPage /> },
  { pattern: '/settings', abilities: ['settings.manage'], render: () => <SettingsPage /> },
  { pattern: '/content-keys', abilities: ['settings.manage'], render: () => <ContentKeysPage /> },
  { pattern: '/outbox', abilities: ['outbox.read'], render: () => <OutboxPage /> },
  { pattern: '/comments', abilities: ['comments.moderate'], render: () => <ModerationPage /> },
  { pattern: '/moderation-log', abilities: ['comments.moderate'], render: () => <ModerationLogPage /> },
  { pattern: '/wire', abilities: ['wire.desk'], render: () => <WireInboxPage /> },
  { pattern: '/wire/sources', abilities: ['wire.manage'], render: () => <WireSourcesPage /> },
];

const navItems: { to: string; label: string; abilities: Ability[]; match: (path: string) => boolean }[] = [
  { to: '/', label: 'Articles', abilities: ['articles.read'], match: (p) => p === '/' || p.startsWith('/articles') },
  { to: '/media', label: 'Media', abilities: ['media.upload', 'media.manage'], match: (p) => p === '/media' },
  { to: '/wire', label: 'Wire', abilities: ['wire.desk'], match: (p) => p === '/wire' || p.startsWith('/wire/') },
  { to: '/comments', label: 'Comments', abilities: ['comments.moderate'], match: (p) => p === '/comments' },
  {
    to: '/moderation-log',
    label: 'Moderation log',
    abilities: ['comments.moderate'],
    match: (p) => p === '/moderation-log',
  },
  { to: '/sections', label: 'Sections & tags', abilities: ['taxonomy.manage'], match: (p) => p === '/sections' },
  { to: '/staff', label: 'Staff', abilities: ['staff.manage'], match: (p) => p === '/staff' },
  { to: '/settings', label: 'Settings', abilities: ['settings.manage'], match: (p) => p === '/settings' },
  { to: '/content-keys', label: 'API keys', abilities: ['settings.manage'], match: (p) => p === '/content-keys' },
  { to: '/outbox', label: 'Outbox', abilities: ['outbox.read'], match: (p) => p === '/outbox' },
];

const publicPatterns = ['/setup', '/login', '/forgot', '/reset/:token', '/invite/:token'];

type Boot = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: unknown };

export function App() {
  const location = useLocation();
  const [session, setSessionState] = useState<Session | null>(null);
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [expired, setExpired] = useState(false);
  const sessionRef = useRef<Session | null>(null);

  const setSession = useCallback((next: Session | null) => {
    sessionRef.current = next;
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
    if (!next) resetCollections();
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.delete('/session');
    } catch {
      // Signed out on the server or not, the app forgets the session.
    }
    setSession(null);
    await navigate(href('/login'), { force: true });
  }, [setSession]);

  const start = useCallback(async () => {
    setBoot({ state: 'loading' });
    try {
      setSession(await api.get<Session>('/session'));
      setBoot({ state: 'ready' });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) {
        setBoot({ state: 'failed', error });
        return;
      }
      setSession(null);
      const here = window.location.pathname + window.location.search;
      const path = window.location.pathname.replace(/^\/newsroom/, '') || '/';
      let needsOwner = false;
      try {
        needsOwner = (await api.get<{ needsOwner: boolean }>('/setup')).needsOwner;
      } catch {
        needsOwner = false;
      }
      if (needsOwner) {
        if (path !== '/setup') await navigate(href('/setup'), { replace: true, force: true });
      } else if (!publicPatterns.some((p) => matchPath(p, path))) {
        const next = path === '/' ? '' : `?next=${encodeURIComponent(here)}`;
        await navigate(`${href('/login')}${next}`, { replace: true, force: true });
      }
      setBoot({ state: 'ready' });
    }
  }, [setSession]);

  useEffect(() => {
    void start();
  }, [start]);

  // A 401 in the middle of work: ask to sign in again over the page, so nothing typed is lost.
  useEffect(() => {
    onUnauthorized(() => {
      if (sessionRef.current) setExpired(true);
    });
    return () => onUnauthorized(null);
  }, []);

  const sessionValue = useMemo<SessionContextValue>(
    () => ({ session, setSession, signOut }),
    [session, setSession, signOut],
  );

  // Move focus to the new page's heading after in-app navigation, as a page load would.
  const firstPath = useRef(location.path);
  useEffect(() => {
    if (firstPath.current === location.path) return;
    firstPath.current = '';
    if (lastNavigationKind() === 'replace') return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    heading?.focus({ preventScroll: true });
  }, [location.path]);

  let content: ReactNode;
  if (boot.state === 'loading') {
    content = <Loading label="Opening the newsroom…" />;
  } else if (boot.state === 'failed') {
    content = (
      <div className="auth">
        <div className="auth__card">
          <h1>The newsroom is unavailable</h1>
          <ErrorAlert error={boot.error} />
          <button type="button" className="button button--primary" onClick={() => void start()}>
            Try again
          </button>
        </div>
      </div>
    );
  } else {
    content = <Routes session={session} />;
  }

  return (
    <SessionContext.Provider value={sessionValue}>
      <ToastProvider>
        <ConfirmProvider>
          {content}
          {expired && session ? (
            <SignInAgain
              email={session.staff.email}
              onDone={(next) => {
                setSession(next);
                setExpired(false);
              }}
              onGiveUp={() => {
                setExpired(false);
                void signOut();
              }}
            />
          ) : null}
        </ConfirmProvider>
      </ToastProvider>
    </SessionContext.Provider>
  );
}

function Routes({ session }: { session: Session | null }) {
  const { path, query } = useLocation();

  const publicPage = (() => {
    if (matchPath('/setup', path)) return <SetupPage />;
    if (matchPath('/login', path)) return <LoginPage next={query.get('next')} />;
    if (matchPath('/forgot', path)) return <ForgotPage />;
    const reset = matchPath('/reset/:token', path);
    if (reset) return <ResetPage token={reset.token ?? ''} />;
    const invite = matchPath('/invite/:token', path);
    if (invite) return <InvitePage token={invite.token ?? ''} />;
    return null;
  })();

  const signedIn = session !== null;
  const isSignInPage = matchPath('/login', path) || matchPath('/setup', path);

  useEffect(() => {
    if (signedIn && isSignInPage) void navigate(href('/'), { replace: true, force: true });
  }, [signedIn, isSignInPage]);

  const isPublic = publicPage !== null;
  useEffect(() => {
    if (!signedIn && !isPublic) {
      void navigate(`${href('/login')}?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, {
        replace: true,
        force: true,
      });
    }
  }, [signedIn, isPublic]);

  if (publicPage && !(signedIn && isSignInPage)) {
    return (
      <main id="main" className="main main--auth">
        {publicPage}
      </main>
    );
  }
  if (!session) return <Loading />;

  let page: ReactNode = <NotFound />;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (route.pattern === '/articles/:id' && !/^\d+$/.test(params.id ?? '')) continue;
    page = route.abilities.some((a) => abilityScope(session, a)) ? route.render(params, query) : <Forbidden />;
    break;
  }

  return (
    <Shell session={session} path={path}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Shell>
  );
}

function Shell({ session, path, children }: { session: Session; path: string; children: ReactNode }) {
  const { signOut } = useSession();
  const items = navItems.filter((item) => item.abilities.some((a) => abilityScope(session, a)));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="topbar__brand">
          Newsdesk <span>Newsroom</span>
        </Link>
        <nav aria-label="Newsroom" className="topbar__nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.match(path) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__user">
          <span className="topbar__who">
            {session.staff.name} <span className="muted">· {roleLabels[session.staff.role] ?? session.staff.role}</span>
          </span>
          <button type="button" className="button button--ghost" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing at this address. <Link to="/">Go to the articles</Link>.
      </p>
    </>
  );
}

function Forbidden() {
  return (
    <>
      <PageHeader title="Not available to your role" />
      <p>Your role does not include this part of the newsroom. Ask an owner if you need it.</p>
    </>
  );
}

function SignInAgain({
  email,
  onDone,
  onGiveUp,
}: {
  email: string;
  onDone: (session: Session) => void;
  onGiveUp: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Your session has ended" onClose={onGiveUp}>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            onDone(await api.post<Session>('/session', { email, password }));
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>Sign in again to carry on. Nothing on this page has been lost; save again after signing in.</p>
        <ErrorAlert error={error} fields={['password']} />
        <TextField label="Email" value={email} readOnly autoComplete="username" />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-autofocus
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onGiveUp}>
            Sign out
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Sign in
          </button>
        </div>
      </form>
    </Dialog>
  );
}
