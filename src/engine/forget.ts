/**
 * Erasing a person (`linkpace forget`, DELETE /v1/persons/{id}): everything linkpace holds about them goes, in
 * one transaction, and their identifiers go on the do-not-contact list as salted hashes so that no later import
 * brings them back (engine/suppress.ts). What is deleted and what stays anonymous is store/forget.ts.
 *
 * Locks, in the order every other writer takes them: the workspace's do-not-contact list (an import holds it in
 * share mode while it enrolls), then the accounts of the person's enrollments in id order (what the engine
 * holds to claim and to record a result).
 *
 * Their enrollments not done, before they are deleted:
 * - a task nobody ever held (shown to no runner, taken by no agent) is put back unperformed, through the state
 *   machine (`released`), as a stop does; that includes a scheduled withdrawal in flight;
 * - a task a runner or an agent holds or held may be being performed right now: the erasure is refused
 *   (conflict) until it is answered or skipped, because its result could not be recorded against anyone after;
 * - a pending invitation cannot be withdrawn by linkpace once the person is erased (a withdrawal names whom):
 *   the answer lists it, to be withdrawn by hand on LinkedIn, and the account's governor counts it as closed
 *   (not accepted) from now on, so that it no longer holds a place under the pending cap. An enrollment that
 *   ended with its invitation neither accepted, declined nor withdrawn (ended by a reply) is listed too.
 */
import { loadGovernorState, recordInvitationClosed } from "../core/governor/index.js";
import { LinkpaceError } from "../core/errors.js";
import { personName } from "../core/prospect/person-name.js";
import { profileIdentifiers } from "../core/prospect/profile-url.js";
import { subjectEmails } from "../core/suppression/match.js";
import { formatInstant, type Instant } from "../core/time.js";
import type { EnrollmentRow, ErasedRows, PersonRow, Store } from "../store/store.js";
import { RELEASES_KEPT } from "./answer-outcome.js";
import type { EngineContext } from "./context.js";
import { suppressIdentifierHashes } from "./suppress.js";
import { applyTransition } from "./transitions.js";

/** Who to forget: any profile URL of theirs, or their person id (the API's route). */
export type ForgetTarget = { url: string } | { personId: number };

export interface ForgetOutcome {
  /** The person found (null: no person row; their URL still goes on the list, and refusals naming it go). */
  person: { id: number; name: string; url: string } | null;
  erased: ErasedRows;
  /** Tasks nobody held, put back unperformed before the erasure. */
  releasedTasks: number;
  /** Pending invitations linkpace can no longer withdraw: withdraw them by hand on LinkedIn. */
  withdrawByHand: Array<{ account: string; campaign: string; invitedAt: Instant | null }>;
  /** Salted hashes put on the do-not-contact list (added now, or listed before). */
  hashes: { added: number; alreadyListed: number };
  dryRun: boolean;
}

/** Erases the person; with `dryRun`, does it all in a transaction that is rolled back, and answers what it would erase. */
export async function forgetPerson(ctx: EngineContext, target: ForgetTarget, opts: { dryRun?: boolean } = {}): Promise<ForgetOutcome> {
  const dryRun = opts.dryRun === true;
  const given = "url" in target ? profileIdentifiers([target.url]).map((id) => id.url) : [];
  if ("url" in target && given.length === 0)
    throw new LinkpaceError(
      "invalid_input",
      `${target.url}: not a LinkedIn profile URL (expected like https://www.linkedin.com/in/jane-doe)`,
    );
  const rollback = new Error("dry run");
  let out: ForgetOutcome | null = null;
  try {
    await ctx.store.transaction(async (tx) => {
      out = await forgetInTransaction(ctx, tx, target, given, dryRun);
      if (dryRun) throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return out as unknown as ForgetOutcome;
}

async function forgetInTransaction(
  ctx: EngineContext,
  tx: Store,
  target: ForgetTarget,
  given: string[],
  dryRun: boolean,
): Promise<ForgetOutcome> {
  const ws = ctx.workspaceId;
  const now = ctx.clock.now();
  await tx.lockSuppressions(ws, "change");
  const person = await findPerson(tx, ws, target, given);
  const identifiers = person === null ? given : await tx.personIdentifiers(person.id);
  const urls = [...new Set([...identifiers, ...given, ...(person ? [person.displayUrl] : [])])];
  const emails = person === null ? [] : subjectEmails({ identifiers: [], company: "", custom: person.custom });

  let releasedTasks = 0;
  const withdrawByHand: ForgetOutcome["withdrawByHand"] = [];
  if (person !== null) {
    const open = await tx.openEnrollments(ws, { personId: person.id });
    const accounts = [...new Set(open.map((e) => e.accountId))].sort((a, b) => a - b);
    for (const accountId of accounts) {
      const account = await tx.lockAccount(accountId);
      let state = loadGovernorState(account.state);
      let closed = false;
      for (const seen of open.filter((e) => e.accountId === accountId)) {
        let e = (await tx.getEnrollment(seen.id)) as EnrollmentRow;
        const campaign = await ctx.campaigns.get(e.campaignId, tx);
        const scope = { store: tx, account: account.doc, campaign: campaign.doc, now };
        if (e.status === "in_flight" && e.leaseActionId !== null && e.nextKind !== null) {
          const release = { which: "unheld", reason: "released", at: now, forgetBefore: now - RELEASES_KEPT } as const;
          if (!(await tx.releaseOpenAction(e.leaseActionId, release))) {
            const task = (await tx.openTasks(accountId)).find((t) => t.id === e.leaseActionId);
            const who = task?.claimedBy ? ` (held by ${task.claimedBy})` : "";
            throw new LinkpaceError(
              "conflict",
              `a ${e.nextKind} task for this person is open in campaign ${campaign.name}${who} and may be being performed: answer or skip it first (linkpace work, or the dashboard's runner), then forget them`,
            );
          }
          await applyTransition(scope, e, { type: "released", kind: e.nextKind, readyAt: now });
          releasedTasks++;
          e = (await tx.getEnrollment(e.id)) as EnrollmentRow;
        }
        if (e.status === "invited" && e.acceptedAt === null && e.withdrawnAt === null) {
          withdrawByHand.push({ account: account.name, campaign: campaign.name, invitedAt: e.invitedAt });
          state = recordInvitationClosed(state, 0, e.invitedAt);
          closed = true;
        }
      }
      // The engine decides again for the account now: a task put back, or a place freed under the pending cap.
      const wakeAt = account.wakeAt === null || account.wakeAt > now ? now : account.wakeAt;
      await tx.updateAccount(accountId, closed ? { state, wakeAt } : { wakeAt });
    }
  }

  // An enrollment that ended while its invitation was still pending (they replied without accepting, say):
  // linkpace was not going to withdraw it, but the invitation may still be waiting on LinkedIn.
  if (person !== null) {
    for (const e of await tx.personEnrollments(person.id)) {
      const open = e.invitedAt !== null && e.acceptedAt === null && e.withdrawnAt === null && e.endReason !== "declined";
      if (e.status !== "done" || !open) continue;
      const account = await tx.getAccountById(e.accountId);
      const campaign = await ctx.campaigns.get(e.campaignId, tx);
      withdrawByHand.push({ account: account?.name ?? "", campaign: campaign.name, invitedAt: e.invitedAt });
    }
  }

  const erased = await tx.erasePersonRows({ workspaceId: ws, personId: person?.id ?? null, urls });
  const added = await suppressIdentifierHashes(ctx, tx, ws, [...identifiers, ...emails]);
  const listed = added.entries.filter((x) => x.added).length;
  return {
    person: person === null ? null : { id: person.id, name: personName(person), url: person.displayUrl },
    erased,
    releasedTasks,
    withdrawByHand,
    hashes: { added: listed, alreadyListed: added.entries.length - listed },
    dryRun,
  };
}

async function findPerson(tx: Store, ws: number, target: ForgetTarget, given: string[]): Promise<PersonRow | null> {
  if ("personId" in target) {
    const p = await tx.getPerson(target.personId);
    if (p === null || p.workspaceId !== ws) throw new LinkpaceError("not_found", `no person ${target.personId}`);
    return p;
  }
  const ids = [...new Set((await tx.findPersonIds(ws, given)).values())];
  if (ids.length > 1) throw new LinkpaceError("invalid_input", `${target.url}: its identifiers belong to ${ids.length} different people`);
  return ids[0] === undefined ? null : tx.getPerson(ids[0]);
}

/** A person as GET /v1/persons?url= answers it: enough to confirm whom DELETE /v1/persons/{id} would erase. */
export async function findPersonByUrl(
  ctx: EngineContext,
  url: string,
): Promise<{ id: number; name: string; url: string; identifiers: string[]; activeEnrollments: number }> {
  const given = profileIdentifiers([url]).map((id) => id.url);
  if (given.length === 0) throw new LinkpaceError("invalid_input", `${url}: not a LinkedIn profile URL`);
  const ids = [...new Set((await ctx.store.findPersonIds(ctx.workspaceId, given)).values())];
  const person = ids.length === 1 && ids[0] !== undefined ? await ctx.store.getPerson(ids[0]) : null;
  if (person === null) throw new LinkpaceError("not_found", `${given[0]}: nobody with this profile URL in the workspace`);
  return {
    id: person.id,
    name: personName(person),
    url: person.displayUrl,
    identifiers: await ctx.store.personIdentifiers(person.id),
    activeEnrollments: (await ctx.store.openEnrollments(ctx.workspaceId, { personId: person.id })).length,
  };
}

/** What forget answers, as the CLI's --json and the API give it (instants in ISO), with `summary`: the sentence the CLI prints. */
export function forgetJson(o: ForgetOutcome) {
  const e = o.erased;
  const who = o.person === null ? "no person on record" : `person ${o.person.id}`;
  const verb = o.dryRun ? "would erase" : "erased";
  const parts = [
    `${e.enrollments} enrollment${e.enrollments === 1 ? "" : "s"}`,
    `${e.identifiers} identifier${e.identifiers === 1 ? "" : "s"}`,
    `${e.replies} repl${e.replies === 1 ? "y" : "ies"}`,
    `${e.notifications} notification${e.notifications === 1 ? "" : "s"} (${e.webhookDeliveries} webhook deliveries)`,
    `${e.unreachable} import refusal${e.unreachable === 1 ? "" : "s"}`,
    `${e.logRows} log row${e.logRows === 1 ? "" : "s"} made anonymous (kept for the account's budgets)`,
  ];
  if (e.suppressionEntries > 0)
    parts.push(`${e.suppressionEntries} do-not-contact entr${e.suppressionEntries === 1 ? "y" : "ies"} replaced by hashes`);
  if (o.releasedTasks > 0) parts.push(`${o.releasedTasks} open task${o.releasedTasks === 1 ? "" : "s"} put back unperformed`);
  const hashes = `${o.hashes.added + o.hashes.alreadyListed} identifier${o.hashes.added + o.hashes.alreadyListed === 1 ? "" : "s"} on the do-not-contact list as salted hashes`;
  const byHand = o.withdrawByHand.map(
    (w) =>
      `withdraw by hand on LinkedIn the invitation account ${w.account} sent${w.invitedAt !== null ? ` on ${formatInstant(w.invitedAt)}` : ""} (campaign ${w.campaign}): linkpace can no longer do it`,
  );
  const summary =
    [`${verb} ${who}: ${parts.join(", ")}; ${hashes}`, ...byHand].join(". ") + (o.dryRun ? " (dry run: nothing was written)" : "");
  return {
    person: o.person === null ? null : { id: o.person.id, url: o.person.url },
    dryRun: o.dryRun,
    erased: e,
    releasedTasks: o.releasedTasks,
    hashes: o.hashes,
    withdrawByHand: o.withdrawByHand.map((w) => ({ ...w, invitedAt: w.invitedAt === null ? null : formatInstant(w.invitedAt) })),
    summary,
  };
}
