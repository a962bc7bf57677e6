import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { StaffRole } from '../../src/newsroom/newsroom.table.js';
import type { StaffRecord } from '../../src/newsroom/staff.service.js';
import type { TestApp } from './app.js';

export const testPassword = 'correct horse battery staple';

let counter = 0;

/** A signed-in newsroom client: sends the session cookie, and the CSRF header on writes. */
export interface AdminClient {
  staff: StaffRecord;
  csrfToken: string;
  cookie: string;
  request(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** The nd_session value from a response's Set-Cookie, or undefined. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'nd_session');
  return cookie?.value || undefined;
}

export function clientFor(t: TestApp, staff: StaffRecord, cookie: string, csrfToken: string): AdminClient {
  const request = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie: `nd_session=${cookie}`,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
      },
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    });
  return {
    staff,
    csrfToken,
    cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, payload) => request('POST', url, payload),
    put: (url, payload) => request('PUT', url, payload),
    patch: (url, payload) => request('PATCH', url, payload),
    delete: (url, payload) => request('DELETE', url, payload),
  };
}

/** Creates a staff account with this role and signs it in through the API, as the newsroom app does. */
export async function signedIn(
  t: TestApp,
  role: StaffRole,
  opts: { email?: string; name?: string; authorId?: number | null } = {},
): Promise<AdminClient> {
  const n = ++counter;
  const email = opts.email ?? `${role}${n}@newsroom.test`;
  const staff = await t.services.staff.createStaff({
    email,
    name: opts.name ?? `${role[0]?.toUpperCase()}${role.slice(1)} ${n}`,
    role,
    password: testPassword,
    ...(opts.authorId !== undefined ? { authorId: opts.authorId } : {}),
  });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/admin/session',
    payload: { email, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error('sign-in set no session cookie');
  return clientFor(t, staff, cookie, response.json().csrfToken);
}
