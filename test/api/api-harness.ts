/**
 * An in-process API on an in-memory SQLite store and a virtual clock, with a token in the default workspace
 * (A) and one in a second workspace (B). Requests go through `app.request()`: no port, no sleeping.
 */
import { createApi, type Api } from "../../src/api/create-api.js";
import { createToken } from "../../src/api/auth.js";
import type { Logger } from "../../src/api/logger.js";
import type { RateLimit } from "../../src/api/rate-limit.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";

/** A Monday, 09:00 in Paris. */
export const T0 = "2027-03-01T08:00:00Z";

export const ACCOUNT = { name: "alice", timezone: "Europe/Paris", type: "free", created: "2019-05-01", limits: { minGap: "1m" } };
export const CAMPAIGN = {
  name: "q1",
  account: "alice",
  schedule: { timezone: "Europe/Paris", days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
  steps: [{ connect: { note: "Hi {{ firstName }}!", withdrawAfter: "21d" } }],
};
export const LEADS =
  'profileUrl,firstName,lastName,company,title,location\nhttps://www.linkedin.com/in/jane-doe,Jane,Doe,Acme,CTO,"Paris, France"\nhttps://www.linkedin.com/in/joe-bloggs,Joe,Bloggs,,VP,"Paris, France"\nnot a url,No,Body,,,\n';

export interface ApiHarness {
  api: Api;
  store: Store;
  clock: VirtualClock;
  tokenA: string;
  tokenB: string;
  call(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

/** Limits are out of the way unless a test sets them (in-process requests all share one client address). */
export async function apiHarness(opts: { rateLimit?: RateLimit; authFailureLimit?: RateLimit; logger?: Logger } = {}): Promise<ApiHarness> {
  const clock = new VirtualClock(parseInstant(T0) as number);
  const store = await openSqliteStore(":memory:");
  const unlimited = { burst: 100_000, perSecond: 100_000 };
  const api = createApi({
    store,
    clock,
    rateLimit: opts.rateLimit ?? unlimited,
    authFailureLimit: opts.authFailureLimit ?? unlimited,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const b = await store.insertWorkspace("client-b");
  const tokenA = (await createToken(store, { workspaceId: 1, name: "a", now: clock.now() })).token;
  const tokenB = (await createToken(store, { workspaceId: b.id, name: "b", now: clock.now() })).token;
  return {
    api,
    store,
    clock,
    tokenA,
    tokenB,
    async call(token, method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (token !== null) h.authorization = `Bearer ${token}`;
      let payload: string | undefined;
      if (typeof body === "string") payload = body;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        h["content-type"] ??= "application/json";
      }
      const res = await api.http.request(path, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text === "" ? null : JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
  };
}

/** alice, campaign q1 and the LEADS imported, in workspace A. */
export async function seeded(opts: { rateLimit?: RateLimit } = {}): Promise<ApiHarness> {
  const h = await apiHarness(opts);
  expect201(await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT));
  expect201(await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN));
  const imported = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", LEADS, { "content-type": "text/csv" });
  if (imported.status !== 200) throw new Error(`import failed: ${imported.text}`);
  return h;
}

function expect201(r: { status: number; text: string }): void {
  if (r.status !== 201) throw new Error(`expected 201, got ${r.status}: ${r.text}`);
}
