/**
 * The do-not-contact list at work: adding entries ends every enrolled person who matches, in the same
 * transaction; removing one only takes it off the list; an import checks each row against it (enroll.ts).
 *
 * Adding, per matching enrollment, under its account's lock (what the engine holds to claim and to record):
 * - ready: ends now, reason `suppressed`;
 * - invited (pending): the withdrawal is made due now, as POST /v1/invitations/{id}/withdraw does, and the
 *   enrollment is told to end: the engine withdraws in the sender's working hours, and the enrollment ends
 *   `suppressed` once the withdrawal is settled (end_requested, core/enrollment/transition.ts);
 * - in flight: a task nobody ever held is put back unperformed and the enrollment ends now (a withdrawal in
 *   flight is kept: it protects the account); a task someone holds may be being performed: the enrollment is
 *   told to end, so whatever its result, no further step follows (an invitation sent meanwhile is withdrawn now,
 *   core/enrollment/transition.ts).
 *
 * Why the engine needs no check of its own before each action: it only claims `ready` enrollments (and
 * withdrawals), and every way a person comes to have an active enrollment, or new data the list could match,
 * checks them against the whole list in the same transaction:
 * - an entry added ends every match before its transaction commits;
 * - an import refuses a row that matches, a known person judged with the identifiers on record too
 *   (enroll.ts);
 * - a LinkedIn-archive import ends the people it adopted an invitation for or learned another profile URL of
 *   (endSuppressedAmong, archive-apply.ts).
 * An import running while an entry is added holds the list in share mode (lockSuppressions): it either sees the
 * new entry, or commits first and is then seen by the add, which waits for it. The ended status is the check.
 */
import { createHash } from "node:crypto";
import type { EnrollmentEvent } from "../core/enrollment/transition.js";
import { LinkpaceError } from "../core/errors.js";
import {
  suppressionMatcher,
  suppressionValue,
  type SuppressionKey,
  type SuppressionKind,
  type SuppressionMatcher,
  type SuppressionSubject,
} from "../core/suppression/match.js";
import { formatInstant, type Instant } from "../core/time.js";
import type { EnrollmentRow, NewSuppression, Store, SuppressionRow, WorkspaceId } from "../store/store.js";
import { RELEASES_KEPT } from "./answer-outcome.js";
import type { EngineContext } from "./context.js";
import { applyTransition } from "./transitions.js";

/** An entry as a user gives it: a profile URL, a company or a domain, as typed. */
export interface SuppressionInput {
  kind: Exclude<SuppressionKind, "hash">;
  input: string;
}

export interface SuppressionAdded {
  /** Every entry given, in order, as on the list now; `added` false when it was there already. */
  entries: Array<{ entry: SuppressionRow; added: boolean }>;
  /** Enrollments ended now. */
  ended: number;
  /** Pending invitations whose withdrawal is due now (their enrollments end once it is done). */
  withdrawals: number;
  /** Enrollments whose action in flight is held by a runner or an agent: they end with its result. */
  awaitingResult: number;
}

/** People checked per page when entries are added. */
const PAGE = 1000;

/** The hash a `hash` entry holds for an identifier: SHA-256 of the workspace's salt and the identifier, hex. */
export function identifierHash(salt: string, identifier: string): string {
  return createHash("sha256").update(`${salt}\n${identifier}`).digest("hex");
}

/** Normalises entries as typed; a LinkpaceError names the first that is not valid (`where` for each, by index). */
export function suppressionEntries(
  inputs: readonly SuppressionInput[],
  reason: string | null,
  where: (i: number) => string,
): NewSuppression[] {
  if (inputs.length === 0) throw new LinkpaceError("invalid_input", "no entry given: a profile URL, a company or a domain");
  return inputs.map((x, i) => ({ kind: x.kind, value: suppressionValue(x.kind, x.input, where(i)), input: x.input.trim(), reason }));
}

/** Adds entries to the workspace's list and ends every enrolled person they match, in one transaction. */
export async function addSuppressions(ctx: EngineContext, entries: readonly NewSuppression[]): Promise<SuppressionAdded> {
  const now = ctx.clock.now();
  return ctx.store.transaction((tx) => addInTransaction(ctx, tx, ctx.workspaceId, entries, now));
}

/**
 * The identifiers of a person who is erased, onto the list as salted hashes (kind `hash`): canonical profile
 * URLs as person_identifiers holds them, or email addresses (lower-cased here). Runs in the caller's
 * transaction when there is one; matching enrollments end as for any entry.
 */
export async function suppressIdentifierHashes(
  ctx: EngineContext,
  tx: Store,
  workspaceId: WorkspaceId,
  identifiers: readonly string[],
): Promise<SuppressionAdded> {
  const now = ctx.clock.now();
  return tx.transaction(async (t) => {
    const salt = await t.suppressionSalt(workspaceId);
    const values = [...new Set(identifiers.map((id) => (id.includes("@") && !id.includes("/") ? id.toLowerCase() : id)))];
    const entries = values.map((id) => ({ kind: "hash" as const, value: identifierHash(salt, id), input: "", reason: null }));
    return addInTransaction(ctx, t, workspaceId, entries, now);
  });
}

async function addInTransaction(
  ctx: EngineContext,
  tx: Store,
  workspaceId: WorkspaceId,
  entries: readonly NewSuppression[],
  now: Instant,
): Promise<SuppressionAdded> {
  await tx.lockSuppressions(workspaceId, "change");
  const saved = await tx.addSuppressions(workspaceId, entries, now);
  const fresh = saved.filter((s) => s.added).map((s) => s.row);
  const out: SuppressionAdded = {
    entries: saved.map((s) => ({ entry: s.row, added: s.added })),
    ended: 0,
    withdrawals: 0,
    awaitingResult: 0,
  };
  if (fresh.length === 0) return out;
  const match = await matcherOf(tx, workspaceId, fresh);
  const people: number[] = [];
  for (let after = 0; ;) {
    const page = await tx.activeCandidates(workspaceId, after, PAGE);
    for (const p of page) if (match(p) !== null) people.push(p.personId);
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) break;
    after = last.personId;
  }
  Object.assign(out, await endEnrolled(ctx, tx, workspaceId, people, now));
  return out;
}

/** What ending people on the list did to their enrollments (the counts of SuppressionAdded). */
export type SuppressionEnded = Pick<SuppressionAdded, "ended" | "withdrawals" | "awaitingResult">;

/**
 * For work that gave people an enrollment or new identifiers outside an import's check (a LinkedIn-archive
 * import adopting hand-sent invitations, or learning a known person's other profile URL): the people among
 * `personIds` whom the whole list matches end as if their entry had just been added. Runs in the caller's
 * transaction, which may hold some of their accounts' locks already.
 */
export async function endSuppressedAmong(
  ctx: EngineContext,
  tx: Store,
  workspaceId: WorkspaceId,
  personIds: readonly number[],
  now: Instant,
): Promise<SuppressionEnded> {
  const none = { ended: 0, withdrawals: 0, awaitingResult: 0 };
  if (personIds.length === 0) return none;
  await tx.lockSuppressions(workspaceId, "share");
  const entries = await tx.allSuppressions(workspaceId);
  if (entries.length === 0) return none;
  const match = await matcherOf(tx, workspaceId, entries);
  const candidates = await tx.activeCandidatesAmong(workspaceId, [...new Set(personIds)]);
  const people = candidates.filter((p) => match(p) !== null).map((p) => p.personId);
  return endEnrolled(ctx, tx, workspaceId, people, now);
}

/** Ends the active enrollments of `people` (see the header for what each status does), account by account. */
async function endEnrolled(
  ctx: EngineContext,
  tx: Store,
  workspaceId: WorkspaceId,
  people: readonly number[],
  now: Instant,
): Promise<SuppressionEnded> {
  const out = { ended: 0, withdrawals: 0, awaitingResult: 0 };
  if (people.length === 0) return out;
  const active = [...(await tx.activeEnrollments(workspaceId, [...people])).values()].map((a) => a.enrollment);
  // Accounts in id order: two transactions taking several accounts never wait for each other in a circle.
  const accounts = [...new Set(active.map((e) => e.accountId))].sort((a, b) => a - b);
  for (const accountId of accounts) {
    const account = await tx.lockAccount(accountId);
    let wake = false;
    for (const seen of active.filter((e) => e.accountId === accountId)) {
      const e = (await tx.getEnrollment(seen.id)) as EnrollmentRow;
      const campaign = await ctx.campaigns.get(e.campaignId, tx);
      const scope = { store: tx, account: account.doc, campaign: campaign.doc, now };
      const end: EnrollmentEvent = { type: "end_requested", reason: "suppressed" };
      switch (e.status) {
        case "done":
          break;
        case "ready":
          await applyTransition(scope, e, end);
          out.ended++;
          break;
        case "invited":
          if (e.acceptedAt === null) {
            await applyTransition(scope, e, { type: "withdrawal_requested" }, end);
            out.withdrawals++;
            wake = true;
          } else {
            await applyTransition(scope, e, end);
            out.ended++;
          }
          break;
        case "in_flight": {
          const { leaseActionId: actionId, nextKind: kind } = e;
          const release = { which: "unheld", reason: "released", at: now, forgetBefore: now - RELEASES_KEPT } as const;
          if (actionId !== null && kind !== null && kind !== "withdraw" && (await tx.releaseOpenAction(actionId, release))) {
            await applyTransition(scope, e, { type: "released", kind, readyAt: now }, end);
            out.ended++;
            wake = true;
          } else {
            await applyTransition(scope, e, end);
            out.awaitingResult++;
          }
          break;
        }
        default: {
          const never: never = e.status;
          return never;
        }
      }
    }
    // The engine looks at the account now: a withdrawal is due, or a released task no longer keeps it asleep.
    if (wake && (account.wakeAt === null || account.wakeAt > now)) await tx.updateAccount(accountId, { wakeAt: now });
  }
  return out;
}

/** A matcher over `entries`, hashing with the workspace's salt only when some are hash entries. */
async function matcherOf(tx: Store, workspaceId: WorkspaceId, entries: readonly SuppressionRow[]): Promise<SuppressionMatcher> {
  const salt = entries.some((e) => e.kind === "hash") ? await tx.suppressionSalt(workspaceId) : "";
  const keys: SuppressionKey[] = entries.map((e) => ({ id: e.id, kind: e.kind, value: e.value, input: e.input }));
  return suppressionMatcher(keys, (id) => identifierHash(salt, id));
}

/**
 * For an import, inside its transaction: holds the list in share mode (see the header) and answers the entry
 * a prospect matches, or null.
 */
export async function importSuppressionCheck(
  tx: Store,
  workspaceId: WorkspaceId,
): Promise<(subject: SuppressionSubject) => SuppressionKey | null> {
  await tx.lockSuppressions(workspaceId, "share");
  return matcherOf(tx, workspaceId, await tx.allSuppressions(workspaceId));
}

/** The entry named by `id`, or by what the user typed (normalised as when it was added); a LinkpaceError if none. */
export async function findSuppressionEntry(
  store: Store,
  workspaceId: WorkspaceId,
  target: { id: number } | SuppressionInput,
): Promise<SuppressionRow> {
  if ("id" in target) {
    const row = await store.getSuppression(workspaceId, target.id);
    if (row === null) throw new LinkpaceError("not_found", `no do-not-contact entry ${target.id} (see linkpace suppress list)`);
    return row;
  }
  const value = suppressionValue(target.kind, target.input);
  const row = await store.findSuppression(workspaceId, target.kind, value);
  if (row === null)
    throw new LinkpaceError(
      "not_found",
      `${target.kind} ${JSON.stringify(target.input)} is not on the do-not-contact list (see linkpace suppress list)`,
    );
  return row;
}

/** Takes an entry off the list. The people it ended stay ended; later imports may enroll them again. */
export async function removeSuppressionEntry(ctx: EngineContext, target: { id: number } | SuppressionInput): Promise<SuppressionRow> {
  return ctx.store.transaction(async (tx) => {
    await tx.lockSuppressions(ctx.workspaceId, "change");
    const row = await findSuppressionEntry(tx, ctx.workspaceId, target);
    await tx.removeSuppression(ctx.workspaceId, row.id);
    return row;
  });
}

/** An entry as the CLI's --json and the API show it. */
export function suppressionJson(row: SuppressionRow): {
  id: number;
  kind: SuppressionKind;
  value: string;
  input: string;
  reason: string | null;
  createdAt: string;
} {
  return { id: row.id, kind: row.kind, value: row.value, input: row.input, reason: row.reason, createdAt: formatInstant(row.createdAt) };
}

/** What adding did, as the CLI and the API report it. */
export function addedJson(out: SuppressionAdded) {
  return {
    added: out.entries.filter((e) => e.added).length,
    alreadyListed: out.entries.filter((e) => !e.added).length,
    ended: out.ended,
    withdrawals: out.withdrawals,
    awaitingResult: out.awaitingResult,
    entries: out.entries.map((e) => ({ ...suppressionJson(e.entry), added: e.added })),
  };
}
