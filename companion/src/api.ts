/**
 * The companion's link to the linkpace server: the settings (server URL and API token, in the extension's local
 * storage) and requests with the token as a bearer credential. Never cookies (`credentials: "omit"`): the server
 * accepts this extension's origin only with a token, and only when its id is configured (--extension-id).
 */

export interface Settings {
  server: string;
  token: string;
}

export const SETTINGS_KEYS = ["server", "token"] as const;

export async function loadSettings(): Promise<Settings | null> {
  const got = await chrome.storage.local.get([...SETTINGS_KEYS]);
  const server = typeof got.server === "string" ? got.server : "";
  const token = typeof got.token === "string" ? got.token : "";
  return server !== "" && token !== "" ? { server, token } : null;
}

export async function saveSettings(s: Settings): Promise<void> {
  await chrome.storage.local.set({ server: s.server, token: s.token });
}

/** A failed request: the HTTP status (0: the server could not be reached) and what to tell the person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class Api {
  constructor(readonly settings: Settings) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.settings.server}${path}`, {
        method,
        credentials: "omit",
        cache: "no-store",
        headers: {
          authorization: `Bearer ${this.settings.token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(
        0,
        `cannot reach ${this.settings.server}: is linkpace serve running there, with --extension-id ${chrome.runtime.id}?`,
      );
    }
    if (!res.ok) throw new ApiError(res.status, await problemText(res, `${method} ${path}`));
    return (await res.json()) as T;
  }
}

/** The problem+json answer's detail (linkpace says what to do), or the status. */
async function problemText(res: Response, what: string): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: unknown; title?: unknown; errors?: Array<{ where?: string; message?: string }> };
    const errors = (p.errors ?? []).map((e) => `${e.where ?? ""}: ${e.message ?? ""}`).join("; ");
    const detail = typeof p.detail === "string" ? p.detail : typeof p.title === "string" ? p.title : "";
    if (detail !== "") return errors === "" ? detail : `${detail} (${errors})`;
  } catch {
    // not JSON: the status says it
  }
  return `${what}: HTTP ${res.status}`;
}

/** The API for the saved settings; null until the options are set. */
export async function connectedApi(): Promise<Api | null> {
  const s = await loadSettings();
  return s === null ? null : new Api(s);
}
