import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors.js';
import type { MailService } from '../mail/mail.service.js';
import { type AdminApp, actorOf, clearSessionCookie, clientMeta, setSessionCookie } from './admin.plugin.js';
import { abilitiesOf } from './newsroom.policy.js';
import { staffRoles, staffStatuses } from './newsroom.table.js';
import type { SignedIn, StaffRecord, StaffService } from './staff.service.js';

export function presentStaff(row: StaffRecord) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    authorId: row.author_id,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

function presentSession(staff: StaffRecord, csrfToken: string) {
  return { staff: presentStaff(staff), abilities: abilitiesOf(staff.role), csrfToken };
}

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Token = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) });
const Role = Type.Union(staffRoles.map((r) => Type.Literal(r)));
const Status = Type.Union(staffStatuses.map((s) => Type.Literal(s)));
const Email = Type.String({ maxLength: 254 });
const Password = Type.String({ maxLength: 200 });

export interface NewsroomRouteDeps {
  staff: StaffService;
  secureCookies: boolean;
  sessionHours: number;
}

/** Sign-in, first-run setup, invitations, password resets and staff accounts. */
export function registerNewsroomRoutes(app: AdminApp, deps: NewsroomRouteDeps) {
  const { staff } = deps;
  const signIn = (reply: FastifyReply, signedIn: SignedIn) => {
    setSessionCookie(reply, signedIn, { secure: deps.secureCookies, maxAgeHours: deps.sessionHours });
    return presentSession(signedIn.staff, signedIn.csrfToken);
  };

  app.get('/setup', { config: { access: 'public' }, schema: { tags: ['session'] } }, async () => ({
    needsOwner: await staff.needsOwner(),
  }));

  app.post(
    '/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Create the owner account on first run',
        body: Type.Object({ name: Type.String({ maxLength: 120 }), email: Email, password: Password }),
      },
    },
    async (request, reply) => {
      const signedIn = await staff.createOwner(request.body, clientMeta(request));
      reply.code(201);
      return signIn(reply, signedIn);
    },
  );

  app.get('/session', { config: { access: 'signed_in' }, schema: { tags: ['session'] } }, async (request) => {
    const session = request.session;
    if (!session) throw new AppError('unauthorized', 'Sign in to the newsroom first.');
    return presentSession(session.staff, session.csrfToken);
  });

  app.post(
    '/session',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], summary: 'Sign in', body: Type.Object({ email: Email, password: Password }) },
    },
    async (request, reply) => {
      try {
        return signIn(reply, await staff.signIn(request.body, clientMeta(request)));
      } catch (error) {
        if (error instanceof AppError && error.details?.retryAfterSeconds) {
          reply.header('retry-after', String(error.details.retryAfterSeconds));
        }
        throw error;
      }
    },
  );

  app.delete('/session', { config: { access: 'signed_in' }, schema: { tags: ['session'] } }, async (request, reply) => {
    await staff.signOut(request.cookies.nd_session);
    clearSessionCookie(reply, { secure: deps.secureCookies });
    return reply.code(204).send();
  });

  app.post(
    '/password-resets',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], summary: 'Mail a password reset link', body: Type.Object({ email: Email }) },
    },
    async (request, reply) => {
      await staff.requestPasswordReset(request.body.email);
      return reply.code(202).send({ message: 'If that address has an account, a reset link is on its way.' });
    },
  );

  app.put(
    '/password-resets/:token',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], params: Token, body: Type.Object({ password: Password }) },
    },
    async (request, reply) =>
      signIn(reply, await staff.resetPassword(request.params.token, request.body.password, clientMeta(request))),
  );

  app.get(
    '/invitations/:token',
    { config: { access: 'public' }, schema: { tags: ['session'], params: Token } },
    (request) => staff.invitationFor(request.params.token),
  );

  app.put(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        params: Token,
        body: Type.Object({ name: Type.Optional(Type.String({ maxLength: 120 })), password: Password }),
      },
    },
    async (request, reply) =>
      signIn(reply, await staff.acceptInvitation(request.params.token, request.body, clientMeta(request))),
  );

  app.get('/staff', { config: { access: 'staff.manage' }, schema: { tags: ['staff'] } }, async () => {
    const items = (await staff.list()).map(presentStaff);
    return { items, page: 1, limit: items.length, total: items.length };
  });

  app.post(
    '/staff',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Invite a person to the newsroom',
        body: Type.Object({
          email: Email,
          name: Type.String({ maxLength: 120 }),
          role: Role,
          authorId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
        }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return presentStaff(await staff.createStaff(request.body));
    },
  );

  app.patch(
    '/staff/:id',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        params: Id,
        body: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 120 })),
          role: Type.Optional(Role),
          status: Type.Optional(Status),
          authorId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
        }),
      },
    },
    async (request) => presentStaff(await staff.update(request.params.id, request.body, actorOf(request))),
  );

  app.delete(
    '/staff/:id',
    { config: { access: 'staff.manage' }, schema: { tags: ['staff'], params: Id } },
    async (request, reply) => {
      await staff.remove(request.params.id, actorOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/staff/:id/invitations',
    { config: { access: 'staff.manage' }, schema: { tags: ['staff'], params: Id } },
    async (request, reply) => {
      await staff.resendInvitation(request.params.id);
      return reply.code(202).send({ message: 'A fresh invitation is on its way.' });
    },
  );
}

/** What the newsroom sent, or kept for the owner to read when no SMTP relay is configured. */
export function registerOutboxRoutes(app: AdminApp, deps: { mail: MailService }) {
  app.get(
    '/outbox',
    {
      config: { access: 'outbox.read' },
      schema: {
        tags: ['staff'],
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
      },
    },
    async (request) => {
      const { page = 1, limit = 30 } = request.query;
      const { items, total } = await deps.mail.listOutbox({ page, limit });
      return { items, page, limit, total };
    },
  );
}
