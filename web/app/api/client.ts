// The one door to the REST API: adds the token, turns problem details into ApiError, reports 401s.
import type { Problem } from '../lib/errors';

export const API = '/api/v1';
const TOKEN_KEY = 'botfleet.token';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Called on any 401 from an authenticated request: the session expired or the token is invalid. */
export function onUnauthorized(handler: (() => void) | null) {
  unauthorizedHandler = handler;
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

let rotations = 0;

/**
 * Runs a request that revokes the account's tokens (password change, sign out everywhere, account deletion). While it
 * runs, 401s of other requests and the stream's "token revoked" close are expected and must not end the session.
 */
export async function revokingTokens<T>(request: () => Promise<T>): Promise<T> {
  rotations++;
  try {
    return await request();
  } finally {
    // the stream's close frame may arrive just after the answer
    setTimeout(() => { rotations--; }, 1_000);
  }
}

export const tokensBeingRevoked = () => rotations > 0;

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { ...init, headers, body });
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: 'The server cannot be reached.' });
  }
  // A 401 for a token that was replaced meanwhile (password change) says nothing about the current session.
  if (response.status === 401 && token && !path.startsWith('/auth/') && token === getToken() && !tokensBeingRevoked()) {
    unauthorizedHandler?.();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return { status: response.status, ...parsed };
  } catch {
    // not JSON: fall through to a problem made from the status line
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text || undefined };
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
