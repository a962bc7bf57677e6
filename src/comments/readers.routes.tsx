import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError } from '../errors.js';
import type { PageSender } from '../site/send-page.js';
import type { PageContext } from '../site/views/context.js';
import {
  ConfirmPage,
  ReaderMessagePage,
  SignedInPage,
  SignInPage,
  SignInSentPage,
  signInHref,
  UnsubscribePage,
} from '../site/views/readers.js';
import type { CommentNotifier } from './comments.notify.js';
import {
  csrfMatches,
  type ReaderAccounts,
  type ReaderSession,
  readerSessionCookie,
  readerSessionDays,
  safeReturnPath,
  signInLinkMinutes,
} from './comments.readers.js';
import { readerCookie, sameOrigin, signReader } from './comments.routes.js';
import type { CommentsService } from './comments.service.js';

export interface ReaderRouteDeps {
  readers: ReaderAccounts;
  notifier: CommentNotifier;
  comments: CommentsService;
  sender: PageSender;
  context: (request: FastifyRequest) => Promise<PageContext>;
  publicUrl: string;
  secureCookies: boolean;
}

type FormBody = Record<string, string | string[] | undefined>;

const text = (body: unknown, name: string): string => {
  const value = (body as FormBody | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

const forgery = () => new AppError('csrf_failed', 'This form was sent from another website, so we did not accept it.');

/**
 * Verified readers over HTTP: sign-in by emailed link (the link's page POSTs to confirm),
 * sign-out, the reader's state for the island, and the one-click unsubscribe of reply mails.
 * Every page here is personal: never stored by the page cache or a browser.
 */
export async function registerReaderRoutes(app: FastifyInstance, deps: ReaderRouteDeps): Promise<void> {
  const { readers, notifier, comments } = deps;
  const sessionOf = (request: FastifyRequest): Promise<ReaderSession | null> =>
    readers.resolveSession(request.cookies[readerSessionCookie]);
  const page = (request: FastifyRequest, reply: FastifyReply, vnode: VNode, status = 200) =>
    deps.sender.send(request, reply, { vnode, keys: [], status, private: true });
  const seeOther = (reply: FastifyReply, location: string) =>
    reply.code(303).header('cache-control', 'no-store').header('location', location).send();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

  app.get<{ Querystring: { return?: string; confirmed?: string } }>(
    '/readers/sign-in',
    { config: { page: true } },
    async (request, reply) => {
      const returnTo = safeReturnPath(request.query.return);
      const session = await sessionOf(request);
      const ctx = await deps.context(request);
      if (session) {
        if (returnTo) return seeOther(reply, returnTo);
        const message = request.query.confirmed ? 'Your email address is confirmed: you are signed in.' : undefined;
        return page(
          request,
          reply,
          <SignedInPage
            ctx={ctx}
            name={session.name}
            csrfToken={session.csrfToken}
            {...(message ? { message } : {})}
          />,
        );
      }
      return page(request, reply, <SignInPage ctx={ctx} form={{ returnTo }} />);
    },
  );

  /** Opening the emailed link changes nothing: mail scanners follow links, only a person presses the button. */
  app.get<{ Params: { token: string } }>(
    '/readers/confirm/:token',
    { config: { page: true } },
    async (request, reply) => {
      const ctx = await deps.context(request);
      try {
        const link = await readers.checkLink(request.params.token);
        return page(request, reply, <ConfirmPage ctx={ctx} token={request.params.token} email={link.email} />);
      } catch (err) {
        if (err instanceof AppError && err.code === 'gone') return deadLink(request, reply, ctx, err.message);
        throw err;
      }
    },
  );

  const deadLink = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext, message: string) =>
    page(
      request,
      reply,
      <ReaderMessagePage
        ctx={ctx}
        title="This link no longer works"
        message={message}
        link={{ href: signInHref(), text: 'Ask for a new sign-in link' }}
      />,
      410,
    );

  /** For the island: who is signed in, and the CSRF token its posts carry (the cached page cannot hold one). */
  app.get('/api/readers/me', async (request, reply) => {
    const session = await sessionOf(request);
    const { guestsAllowed } = await comments.settings.get();
    reply.header('cache-control', 'no-store');
    return session
      ? { signedIn: true, name: session.name, csrfToken: session.csrfToken, guestsAllowed }
      : { signedIn: false, guestsAllowed, signInUrl: signInHref() };
  });

  /** The island's sign-out. */
  app.delete('/api/readers/session', async (request, reply) => {
    if (!sameOrigin(request, deps.publicUrl)) throw forgery();
    const session = await sessionOf(request);
    if (session && !csrfMatches(session, request.headers['x-csrf-token'])) {
      throw new AppError('csrf_failed', 'Your page is out of date. Reload it and sign out again.');
    }
    await signOut(request, reply);
    return reply.header('cache-control', 'no-store').send({ signedIn: false, message: 'You are signed out.' });
  });

  const signOut = async (request: FastifyRequest, reply: FastifyReply) => {
    await readers.signOut(request.cookies[readerSessionCookie]);
    reply.clearCookie(readerSessionCookie, cookieOptions);
    // The browser's guest identity goes too: it would still reach the reader's likes, edits and data.
    reply.clearCookie(readerCookie, { path: '/' });
  };

  app.get<{ Params: { token: string } }>(
    '/readers/unsubscribe/:token',
    { config: { page: true } },
    async (request, reply) => {
      const who = await notifier.checkUnsubscribe(request.params.token);
      const ctx = await deps.context(request);
      return page(
        request,
        reply,
        <UnsubscribePage ctx={ctx} action={request.url.split('?')[0] ?? ''} name={who.name} done={false} />,
      );
    },
  );

  await app.register(async (forms) => {
    await forms.register(fastifyFormbody, { bodyLimit: 16 * 1024 });
    // RFC 8058's one-click POST may come as multipart/form-data; the link alone says everything needed.
    forms.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, _body, done) =>
      done(null, {}),
    );

    forms.post('/readers/sign-in', { config: { page: true } }, async (request, reply) => {
      if (!sameOrigin(request, deps.publicUrl)) throw forgery();
      const values = { email: text(request.body, 'email'), name: text(request.body, 'name') };
      const returnTo = safeReturnPath(text(request.body, 'return'));
      const ctx = await deps.context(request);
      try {
        await readers.requestSignIn({ ...values, returnTo, ip: request.ip });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'validation_failed') {
          const form = { values, errors: err.details?.fields ?? [], returnTo };
          return page(request, reply, <SignInPage ctx={ctx} form={form} />, 422);
        }
        if (err.code === 'rate_limited') {
          reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 60));
          return page(request, reply, <SignInPage ctx={ctx} form={{ values, returnTo }} message={err.message} />, 429);
        }
        throw err;
      }
      return page(
        request,
        reply,
        <SignInSentPage ctx={ctx} email={values.email.trim().toLowerCase()} minutes={signInLinkMinutes} />,
      );
    });

    forms.post('/readers/confirm', { config: { page: true } }, async (request, reply) => {
      if (!sameOrigin(request, deps.publicUrl)) throw forgery();
      let confirmed: Awaited<ReturnType<ReaderAccounts['confirm']>>;
      try {
        confirmed = await readers.confirm(text(request.body, 'token'));
      } catch (err) {
        if (err instanceof AppError && err.code === 'gone') {
          return deadLink(request, reply, await deps.context(request), err.message);
        }
        throw err;
      }
      reply.setCookie(readerSessionCookie, confirmed.token, { ...cookieOptions, maxAge: readerSessionDays * 86_400 });
      // Likes, edits, deletes and the data download know a reader by this cookie, as they know a guest.
      reply.setCookie(readerCookie, await signReader(comments, confirmed.commenterId), {
        ...cookieOptions,
        maxAge: 365 * 86_400,
      });
      return seeOther(reply, confirmed.returnTo ?? '/readers/sign-in?confirmed=1');
    });

    forms.post('/readers/sign-out', { config: { page: true } }, async (request, reply) => {
      if (!sameOrigin(request, deps.publicUrl)) throw forgery();
      const session = await sessionOf(request);
      if (session && !csrfMatches(session, text(request.body, 'csrfToken'))) {
        const ctx = await deps.context(request);
        const message = 'Your page was out of date. Press Sign out again to sign out.';
        return page(
          request,
          reply,
          <SignedInPage ctx={ctx} name={session.name} csrfToken={session.csrfToken} message={message} />,
          403,
        );
      }
      await signOut(request, reply);
      return seeOther(reply, safeReturnPath(text(request.body, 'return')) ?? '/');
    });

    /** The page's button and the mail client's one-click POST (RFC 8058) both land here; no sign-in, no Origin. */
    forms.post<{ Params: { token: string } }>(
      '/readers/unsubscribe/:token',
      { config: { page: true } },
      async (request, reply) => {
        await notifier.unsubscribe(request.params.token);
        const ctx = await deps.context(request);
        return page(request, reply, <UnsubscribePage ctx={ctx} action="" name="" done />);
      },
    );
  });
}
