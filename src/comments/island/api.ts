/** The island's calls to the site: same origin, JSON, and the reader session's CSRF token on writes. */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  message: string;
  fields: FieldProblem[];
}

export type Answer<T> = { ok: true; status: number; data: T } | { ok: false; problem: Problem };

let csrfToken: string | null = null;

/** A signed-in reader's token (from GET /api/readers/me): the cached page cannot carry it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function call<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return {
      ok: false,
      problem: {
        status: 0,
        code: 'network',
        message: 'We could not reach the site. Check your connection and try again.',
        fields: [],
      },
    };
  }
  const data = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, status: res.status, data: data as T };
  const error = (data as { error?: { code?: string; message?: string; fields?: FieldProblem[] } } | null)?.error;
  return {
    ok: false,
    problem: {
      status: res.status,
      code: error?.code ?? 'error',
      message: error?.message ?? 'Something went wrong. Please try again in a moment.',
      fields: Array.isArray(error?.fields) ? error.fields : [],
    },
  };
}

/** A page of ours as a document, for the parts the island moves into this one (load more, sort, the reader's form). */
export async function fetchPage(url: string): Promise<Document | null> {
  try {
    const res = await fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
    if (!res.ok) return null;
    return new DOMParser().parseFromString(await res.text(), 'text/html');
  } catch {
    return null;
  }
}

/** A random key for a form: the same form sent twice (a double press, a retry) is one comment. */
export function newClientKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
