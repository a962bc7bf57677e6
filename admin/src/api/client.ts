import type {
  ArticleWire,
  List,
  OpenWireAlert,
  WireAdopted,
  WireAlert,
  WireInboxPage,
  WireItem,
  WireItemDetail,
  WirePollOutcome,
  WireSource,
  WireSourceInput,
  WireVersionDiff,
} from './types';

const apiRoot = '/api/admin';

export interface FieldError {
  field: string;
  message: string;
}

/** Every failure of an Admin API call, including the network being down (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldError[];
    details?: Record<string, unknown>;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.details = init.details ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

let csrfToken = '';
let unauthorizedHandler: ((path: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token ?? '';
}

/** Told when a signed-in call answers 401: the session ended under us. */
export function onUnauthorized(handler: ((path: string) => void) | null): void {
  unauthorizedHandler = handler;
}

/** Calls where a 401 is an answer, not a lost session. */
const signInPaths = ['/session', '/setup', '/password-resets', '/invitations'];

const fallbackMessages: Record<number, string> = {
  400: 'The request was not understood.',
  401: 'Please sign in.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with the current state. Reload and try again.',
  410: 'This link has expired or was already used.',
  413: 'The file is too large.',
  415: 'That file type is not supported.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Wait a moment and try again.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns an error answer into an ApiError, whatever shape its body has. */
export function toApiError(status: number, payload: unknown, retryAfterHeader: string | null): ApiError {
  const body = isRecord(payload) && isRecord(payload.error) ? payload.error : isRecord(payload) ? payload : {};
  const fields = Array.isArray(body.fields)
    ? body.fields.filter(isRecord).map((f) => ({ field: String(f.field ?? ''), message: String(f.message ?? '') }))
    : [];
  const retry =
    typeof body.retryAfterSeconds === 'number'
      ? body.retryAfterSeconds
      : retryAfterHeader && Number.isFinite(Number(retryAfterHeader))
        ? Number(retryAfterHeader)
        : null;
  return new ApiError({
    status,
    code: typeof body.code === 'string' ? body.code : `http_${status}`,
    message:
      typeof body.message === 'string' && body.message
        ? body.message
        : (fallbackMessages[status] ?? 'Something went wrong.'),
    fields,
    details: isRecord(body.details) ? body.details : {},
    retryAfterSeconds: retry,
  });
}

export interface RequestOptions {
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiRoot + path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the server. Check the connection and try again.',
    });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, data, response.headers.get('retry-after'));
    if (response.status === 401 && !signInPaths.some((p) => path.startsWith(p))) unauthorizedHandler?.(path);
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('DELETE', path, body, options),
};

/** `?a=1&b=x`, leaving out empty values. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Lists answer `{items, ...}`; tolerate a bare array for the small collections too. */
export function itemsOf<T>(answer: List<T> | T[] | null | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}

/**
 * Uploads a file with progress. fetch cannot report upload progress, so this one call
 * goes through XMLHttpRequest, with the same cookie, CSRF header and error shape.
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiRoot + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as T);
      } else {
        if (xhr.status === 401) unauthorizedHandler?.(path);
        reject(toApiError(xhr.status, data, xhr.getResponseHeader('retry-after')));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network_error', message: 'The upload was interrupted.' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface WireInboxFilter {
  source?: number | null;
  section?: number | null;
  status?: string | null;
  q?: string | null;
  before?: string | null;
  limit?: number;
}

/** The wire desk's calls (sources, the inbox, adopting, an article's provenance and alerts). */
export const wireApi = {
  sources: (options?: RequestOptions) => api.get<{ items: WireSource[]; total: number }>('/wire/sources', options),
  createSource: (input: Partial<WireSourceInput> & { name: string; url: string }) =>
    api.post<WireSource>('/wire/sources', input),
  updateSource: (id: number, input: Partial<WireSourceInput>) => api.patch<WireSource>(`/wire/sources/${id}`, input),
  deleteSource: (id: number) => api.delete(`/wire/sources/${id}`),
  pollSource: (id: number) => api.post<{ outcome: WirePollOutcome; source: WireSource }>(`/wire/sources/${id}/poll`),
  addFromUrl: (url: string) => api.post<Pick<WireItem, 'id' | 'headline'>>('/wire/items/from-url', { url }),
  inbox: (filter: WireInboxFilter, options?: RequestOptions) =>
    api.get<WireInboxPage>(`/wire/items${queryString({ ...filter })}`, options),
  item: (id: number, options?: RequestOptions) => api.get<WireItemDetail>(`/wire/items/${id}`, options),
  versionDiff: (id: number, options?: RequestOptions) => api.get<WireVersionDiff>(`/wire/items/${id}/diff`, options),
  ignore: (id: number) => api.post<WireItemDetail>(`/wire/items/${id}/ignore`),
  unignore: (id: number) => api.post<WireItemDetail>(`/wire/items/${id}/unignore`),
  adopt: (itemIds: number[], sectionId: number | null) =>
    api.post<WireAdopted>('/wire/adopt', { itemIds, ...(sectionId !== null ? { sectionId } : {}) }),
  articleWire: (articleId: number, options?: RequestOptions) =>
    api.get<ArticleWire>(`/articles/${articleId}/wire`, options),
  openAlerts: (options?: RequestOptions) => api.get<{ items: OpenWireAlert[] }>('/wire/alerts', options),
  resolveAlert: (id: number) => api.post<WireAlert>(`/wire/alerts/${id}/resolve`),
};
