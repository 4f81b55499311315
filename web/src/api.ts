/**
 * The dashboard's only way to the server: the public /v1 API, authenticated by the HttpOnly session cookie that
 * POST /v1/session sets. Writes carry the session's CSRF token (X-CSRF-Token). Errors arrive as problem+json and
 * are thrown as ApiError with the fields at fault; a 401 means the session ended, and the app shows sign-in.
 */
import type { ApiSchema } from "./api-json.js";

/** A field at fault in a problem+json answer (`errors[]`). */
export type ProblemField = ApiSchema<"Problem">["errors"][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: ProblemField[] = [],
  ) {
    super(message);
  }
}

export type Session = ApiSchema<"Session">;

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** Called when any request answers 401: the session expired or was revoked. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

async function failure(res: Response): Promise<ApiError> {
  let detail = `${res.status} ${res.statusText}`;
  let fields: ProblemField[] = [];
  try {
    const p = (await res.json()) as { detail?: string; errors?: ProblemField[] };
    if (p.detail) detail = p.detail;
    if (Array.isArray(p.errors)) fields = p.errors;
  } catch {
    // not a problem document: keep the status line
  }
  if (res.status === 401) {
    forgetSession();
    for (const l of signedOutListeners) l();
  }
  return new ApiError(res.status, detail, fields);
}

function headersFor(method: string, contentType?: string): Record<string, string> {
  const h: Record<string, string> = { accept: "application/json" };
  if (contentType) h["content-type"] = contentType;
  if (method !== "GET" && method !== "HEAD" && csrfToken) h["x-csrf-token"] = csrfToken;
  return h;
}

/** A JSON request to the API; resolves to the parsed body (null for 204). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: headersFor(method, body === undefined ? undefined : "application/json"),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return null as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});

/** Builds a path with query parameters, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Uploads a file as the request body, reporting progress (0..1) while the bytes go out; resolves to the JSON
 * answer. XMLHttpRequest, because fetch has no upload progress.
 */
export function upload<T>(path: string, file: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(headersFor("POST", contentType))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "the server could not be reached"));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { "content-type": xhr.getResponseHeader("content-type") ?? "" },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        res.json().then((v) => resolve(v as T), reject);
      } else failure(res).then(reject, reject);
    };
    xhr.send(file);
  });
}

/**
 * Until when this browser holds a session, as far as the dashboard knows: the session cookie is HttpOnly, out of
 * the page's reach, so the expiry that sign-in returned is kept here (it holds no secret). Without it the
 * dashboard does not ask GET /v1/session, which would answer 401: the sign-in page loads without a failed
 * request. A session ended elsewhere (revoked, signed out in another browser) still answers 401 once.
 */
const SESSION_KEY = "linkpace.session-expires";

function rememberSession(expiresAt: string | null): void {
  try {
    localStorage.setItem(SESSION_KEY, expiresAt ?? "");
  } catch {
    // no storage (a private window that refuses it): every load asks the server, as before
  }
}

function forgetSession(): void {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing was stored
  }
}

/** False only when this browser surely holds no live session: it never signed in, signed out, or the session expired. */
function mayHaveSession(): boolean {
  let expiresAt: string | null;
  try {
    expiresAt = localStorage.getItem(SESSION_KEY);
  } catch {
    return true;
  }
  if (expiresAt === null) return false;
  const until = Date.parse(expiresAt);
  return Number.isNaN(until) || until > Date.now();
}

/** The current session, or null when signed out. */
export async function currentSession(): Promise<Session | null> {
  if (!mayHaveSession()) return null;
  try {
    const s = await get<Session>("/v1/session");
    csrfToken = s.csrfToken;
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(token: string): Promise<Session> {
  const res = await fetch("/v1/session", {
    method: "POST",
    credentials: "same-origin",
    headers: headersFor("POST", "application/json"),
    body: JSON.stringify({ token: token.trim() }),
  });
  if (!res.ok) {
    // A wrong token is not "signed out", it is a sign-in error: no listeners.
    let detail = "sign-in failed";
    try {
      detail = ((await res.json()) as { detail?: string }).detail ?? detail;
    } catch {
      // keep the generic message
    }
    throw new ApiError(res.status, detail);
  }
  const s = (await res.json()) as Omit<Session, "via">;
  csrfToken = s.csrfToken;
  rememberSession(s.expiresAt);
  return { ...s, via: "session" };
}

export async function signOut(): Promise<void> {
  try {
    await request("DELETE", "/v1/session");
  } finally {
    csrfToken = null;
    forgetSession();
  }
}
