import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type {} from '@fastify/cookie';
import type {} from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { type Ability, type Actor, forbidden, type RouteAccess, type Scope, scopeOf } from './newsroom.policy.js';
import type { SessionView, SignedIn, StaffService } from './staff.service.js';

export const sessionCookie = 'nd_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The ability an Admin API route needs; every route must name one (a test checks). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in person on Admin API routes; null on public ones. */
    session: SessionView | null;
  }
}

/** The Admin API's scope, typed by its TypeBox schemas. */
export type AdminApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** The signed-in person as the policy sees them; throws 401 for a public route's caller. */
export function actorOf(request: FastifyRequest): Actor & { name: string } {
  const staff = request.session?.staff;
  if (!staff) throw new AppError('unauthorized', 'Sign in to the newsroom first.');
  return { id: staff.id, role: staff.role, name: staff.name };
}

/** The scope the route's ability has for the caller (checked already by the guard). */
export function scopeFor(request: FastifyRequest, ability: Ability): Scope {
  const actor = actorOf(request);
  const scope = scopeOf(actor.role, ability);
  if (!scope) throw forbidden(actor.role, ability);
  return scope;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The Admin API's front door: resolves the session cookie, checks the CSRF header on
 * every change, and the route's ability against the policy table. A route registered
 * without `config.access` fails at start-up, so no route can forget its permission.
 */
export function adminGuard(
  app: FastifyInstance,
  opts: { staff: StaffService; publicUrl: string; secureCookies: boolean },
) {
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.config?.access) {
      throw new Error(`Admin API route ${route.method} ${route.url} does not name the ability it needs`);
    }
  });

  const allowedOrigin = new URL(opts.publicUrl).origin;

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (unsafeMethods.has(request.method)) {
      // Browsers send Origin on cross-site writes; a page elsewhere cannot act for a signed-in editor.
      const origin = request.headers.origin;
      if (origin && origin !== allowedOrigin && origin !== `${request.protocol}://${request.host}`) {
        throw new AppError('csrf_failed', 'This request came from another site and was refused.');
      }
    }
    request.session = await opts.staff.resolveSession(request.cookies[sessionCookie]);
    if (access === 'public' || access === undefined) return;
    const staff = request.session?.staff;
    if (!staff) throw new AppError('unauthorized', 'Sign in to the newsroom first.');
    if (unsafeMethods.has(request.method) && request.headers['x-csrf-token'] !== request.session?.csrfToken) {
      throw new AppError('csrf_failed', 'The form was stale or came from elsewhere. Reload the page and try again.');
    }
    if (access !== 'signed_in' && !scopeOf(staff.role, access)) throw forbidden(staff.role, access);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    // Newsroom answers are personal: never stored by a browser cache or a CDN.
    reply.header('cache-control', 'no-store');
    return payload;
  });

  return app.withTypeProvider<TypeBoxTypeProvider>() as AdminApp;
}

export function setSessionCookie(
  reply: FastifyReply,
  signedIn: SignedIn,
  opts: { secure: boolean; maxAgeHours: number },
) {
  reply.setCookie(sessionCookie, signedIn.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    maxAge: opts.maxAgeHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, opts: { secure: boolean }) {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure });
}

export function clientMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}
