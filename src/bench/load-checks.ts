/**
 * What the load benchmark checks besides speed: nothing failed on the server, and the event log agrees with
 * what the runners were told, exactly: every task a runner reported done is one `ok` action, no action is
 * `ok` that no runner reported, no prospect had the same step done twice, and the invitations list counts
 * every connect reported done.
 */
import type { LoadCheck, LogSummary } from "./load-types.js";

export interface CheckInput {
  /** Tasks reported done and acknowledged (200), warm-up included: [actionId, kind]. */
  done: Array<[number, string]>;
  log: LogSummary;
  /** Over the whole run: requests, 5xx answers, requests without an answer. */
  requests: { requests: number; serverErrors: number; failed: number };
  /** GET /v1/invitations' page.total after the load, or null if it could not be read. */
  invitationsTotal: number | null;
}

export function loadChecks(input: CheckInput): LoadCheck[] {
  const { done, log, requests } = input;
  const okById = new Map<number, string>(log.okActions.map(([id, kind]) => [id, kind]));
  const doneIds = new Map<number, number>();
  for (const [id] of done) doneIds.set(id, (doneIds.get(id) ?? 0) + 1);
  const twice = [...doneIds].filter(([, n]) => n > 1).map(([id]) => id);
  const missing = done.filter(([id, kind]) => okById.get(id) !== kind).map(([id]) => id);
  const unreported = log.okActions.filter(([id]) => !doneIds.has(id)).map(([id]) => id);
  const steps = new Map<string, number>();
  for (const [, kind, enrollment] of log.okActions)
    if (enrollment !== null) steps.set(`${enrollment}:${kind}`, (steps.get(`${enrollment}:${kind}`) ?? 0) + 1);
  const repeated = [...steps].filter(([, n]) => n > 1).map(([k]) => k);
  const connects = done.filter(([, kind]) => kind === "connect").length;
  const few = (ids: Array<number | string>): string =>
    ids.length === 0 ? "" : `: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`;
  return [
    {
      name: "no 5xx, no request without an answer",
      ok: requests.serverErrors === 0 && requests.failed === 0,
      detail: `${requests.serverErrors} 5xx and ${requests.failed} failed of ${requests.requests.toLocaleString("en-US")} requests, warm-up included`,
    },
    {
      name: "each task reported done is exactly one ok action in the event log",
      ok: twice.length === 0 && missing.length === 0,
      detail: `${done.length} reported done; ${missing.length} not found as an ok action of that kind${few(missing)}; ${twice.length} acknowledged twice${few(twice)}`,
    },
    {
      name: "no ok action that no runner reported",
      ok: unreported.length === 0,
      detail: `${log.okActions.length} ok actions in the log, ${unreported.length} unreported${few(unreported)}`,
    },
    {
      name: "no step done twice for a prospect",
      ok: repeated.length === 0,
      detail: `${repeated.length} enrollment steps with more than one ok action${few(repeated)}`,
    },
    {
      name: "GET /v1/invitations lists every connect reported done",
      ok: input.invitationsTotal === connects,
      detail: `${input.invitationsTotal ?? "unreadable"} invitations listed, ${connects} connects reported done`,
    },
    { name: "no error in the server's log", ok: log.errorLogLines === 0, detail: `${log.errorLogLines} lines at level error` },
  ];
}
