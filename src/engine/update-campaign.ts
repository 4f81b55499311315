/**
 * Editing a live campaign (`linkpace campaign update`, PUT /v1/campaigns/{name}): the whole document is replaced,
 * same name and account, and becomes the campaign's next version (campaign_versions). Under the account's lock,
 * every enrollment not done is carried over by the state machine's campaign_updated event
 * (core/enrollment/transition.ts), with the steps matched by core/campaign/step-map.ts: people keep their progress,
 * someone waiting at a removed step goes on with the next one that exists, readyAt is planned again where a
 * delay or the schedule changed, and pending invitations keep their withdrawal. Texts are rendered when an action
 * is handed out (prepare-action.ts), so a changed text applies to every action not handed out yet.
 *
 * An action in flight at a removed step is put back unperformed when nobody held it (as campaign stop does); one
 * a runner or an agent holds makes the update a conflict until it is answered or skipped. The answer lists the
 * people whose text, changed or added, would not be sendable (rendered for each person still to get that step).
 * A dry run decides the same and writes nothing.
 */
import { mapSteps, type StepMap } from "../core/campaign/step-map.js";
import type { EnrollmentState } from "../core/enrollment/transition.js";
import { LinkpaceError } from "../core/errors.js";
import type { CampaignDoc, CampaignStep } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { AccountRow, CampaignRow, EnrollmentRow, PersonRow, Store } from "../store/store.js";
import { RELEASES_KEPT } from "./answer-outcome.js";
import type { EngineContext } from "./context.js";
import { renderMessage, renderNote } from "./prepare-action.js";
import { sentTexts } from "./variants.js";
import { applyTransition, planTransition } from "./transitions.js";

/** At most this many unsendable texts are listed (all are counted). */
export const UNSENDABLE_LISTED = 50;

export interface StepChange {
  /** The step's index in the previous version (null: added) and in the new one (null: removed). */
  from: number | null;
  to: number | null;
  kind: CampaignStep["kind"];
  change: "same" | "changed" | "added" | "removed";
}

export interface UnsendableText {
  enrollmentId: number;
  personId: number;
  profile: string;
  /** The new step's index. */
  step: number;
  reason: string;
}

export interface UpdateOutcome {
  campaign: CampaignRow;
  previousVersion: number;
  /** False when the document is the same as the current one: no new version. */
  changed: boolean;
  dryRun: boolean;
  steps: StepChange[];
  enrollments: {
    /** Enrollments in progress carried over. */
    total: number;
    /** Not ended, whose step changed: another index, or the next step after a removed one. */
    moved: number;
    /** Whose next time (readyAt) changed. */
    replanned: number;
    /** That ended (their remaining steps were removed). */
    ended: number;
    /** Actions in flight at a removed step, put back unperformed. */
    released: number;
  };
  unsendable: { count: number; listed: UnsendableText[] };
}

export async function updateCampaign(ctx: EngineContext, doc: CampaignDoc, opts: { dryRun?: boolean } = {}): Promise<UpdateOutcome> {
  const dryRun = opts.dryRun === true;
  const found = await ctx.store.getCampaign(ctx.workspaceId, doc.name);
  if (!found) throw new LinkpaceError("not_found", `no campaign named ${doc.name} (create it with linkpace campaign create)`);
  const now = ctx.clock.now();
  const out = await ctx.store.transaction(async (tx): Promise<UpdateOutcome> => {
    const account = await tx.lockAccount(found.accountId);
    if (account.name !== doc.account)
      throw new LinkpaceError(
        "invalid_input",
        `campaign ${doc.name} belongs to account ${account.name}: account must stay ${account.name} (create a new campaign for another account)`,
      );
    const campaign = (await tx.getCampaignById(found.id)) as CampaignRow;
    if (campaign.status === "stopped")
      throw new LinkpaceError("conflict", `campaign ${campaign.name} is stopped: a stopped campaign cannot be changed (create a new one)`);
    const map = mapSteps(campaign.doc.steps, doc.steps);
    const steps = describeSteps(campaign.doc, doc, map);
    const same = new Set(steps.filter((s) => s.change === "same").map((s) => s.to as number));
    const changed = JSON.stringify(campaign.doc) !== JSON.stringify(doc);
    const counts = { total: 0, moved: 0, replanned: 0, ended: 0, released: 0 };
    const unsendable: UnsendableText[] = [];
    let unsendableCount = 0;
    const held: EnrollmentRow[] = [];
    const scope = { store: tx, account: account.doc, campaign: doc, now };
    for (const row of changed ? await tx.openEnrollments(ctx.workspaceId, { campaignId: campaign.id }) : []) {
      counts.total++;
      let e = row;
      const person = (await tx.getPerson(e.personId)) as PersonRow;
      const connected = person.connected || e.acceptedAt !== null;
      const event = { type: "campaign_updated" as const, previous: campaign.doc, map, connected };
      if (e.status === "in_flight" && e.nextKind !== "withdraw" && map.map[e.step] === null) {
        const released = await putBack(tx, scope, e, dryRun);
        if (released === null) {
          held.push(e);
          continue;
        }
        counts.released++;
        e = released;
      }
      const { change } = planTransition(scope, e, [event], e.id);
      const after: EnrollmentState = { ...e, ...change };
      if (after.status === "done") counts.ended++;
      else if (after.step !== row.step || after.nextKind !== row.nextKind) counts.moved++;
      else if (after.readyAt !== row.readyAt) counts.replanned++;
      for (const u of unsendableFor(after, person, account, doc, same)) {
        unsendableCount++;
        if (unsendable.length < UNSENDABLE_LISTED)
          unsendable.push({ enrollmentId: e.id, personId: person.id, profile: person.displayUrl, ...u });
      }
      if (!dryRun) await applyTransition(scope, e, event);
    }
    if (held.length > 0 && !dryRun) {
      const ids = held.map((e) => e.id).join(", ");
      throw new LinkpaceError(
        "conflict",
        `${held.length} task${held.length === 1 ? "" : "s"} in flight at a step this update removes (enrollment ${ids}) ${held.length === 1 ? "is" : "are"} held by a runner or an agent: answer or skip ${held.length === 1 ? "it" : "them"} (linkpace work, or the dashboard's runner), then update again`,
      );
    }
    let result: CampaignRow = campaign;
    if (changed) {
      result = dryRun
        ? { ...campaign, doc, version: campaign.version + 1 }
        : await tx.updateCampaignDoc(campaign.id, doc, campaign.version + 1, now);
      if (!dryRun) await wake(tx, account, now);
    }
    return {
      campaign: result,
      previousVersion: campaign.version,
      changed,
      dryRun,
      steps,
      enrollments: counts,
      unsendable: { count: unsendableCount, listed: unsendable },
    };
  });
  ctx.campaigns.forget(found.id);
  return out;
}

function describeSteps(previous: CampaignDoc, next: CampaignDoc, map: StepMap): StepChange[] {
  const out: StepChange[] = previous.steps.map((s, i) => {
    const to = map.map[i] ?? null;
    if (to === null) return { from: i, to: null, kind: s.kind, change: "removed" };
    return { from: i, to, kind: s.kind, change: JSON.stringify(s) === JSON.stringify(next.steps[to]) ? "same" : "changed" };
  });
  for (const to of map.added) out.push({ from: null, to, kind: (next.steps[to] as CampaignStep).kind, change: "added" });
  return out;
}

/** The changed or added texts this enrollment is still to get, each that would not render for its person. */
function unsendableFor(
  e: EnrollmentState,
  person: PersonRow,
  account: AccountRow,
  doc: CampaignDoc,
  same: ReadonlySet<number>,
): Array<{ step: number; reason: string }> {
  if (e.status === "done") return [];
  // In flight, the action's text is out already: what is still to come starts after it.
  const from = e.status === "in_flight" && e.nextKind !== "withdraw" ? e.step + 1 : e.step;
  const out: Array<{ step: number; reason: string }> = [];
  for (let j = from; j < doc.steps.length; j++) {
    const step = doc.steps[j] as CampaignStep;
    if (same.has(j)) continue;
    if (step.kind === "message") {
      for (const v of sentTexts(step)) {
        const r = renderMessage(v.text ?? "", person);
        if (!r.sendable) out.push({ step: j, reason: v.name === null ? r.reason : `variant ${v.name}: ${r.reason}` });
      }
    } else if (step.kind === "connect" && e.status === "ready" && step.noteFallback === "skip") {
      for (const v of sentTexts(step)) {
        if (v.text === null) continue;
        const r = renderNote(v.text, person, account.doc);
        if (!r.sendable) out.push({ step: j, reason: v.name === null ? r.reason : `variant ${v.name}: ${r.reason}` });
      }
    }
  }
  return out;
}

/**
 * Puts back an action in flight that nobody ever held (its step is being removed): the enrollment as it is after,
 * ready; null when a runner or an agent holds it. A dry run only says whether it could.
 */
async function putBack(
  tx: Store,
  scope: { store: Store; account: AccountRow["doc"]; campaign: CampaignDoc; now: Instant },
  e: EnrollmentRow,
  dryRun: boolean,
): Promise<EnrollmentRow | null> {
  if (e.leaseActionId === null) return null;
  const action = await tx.getLogRow(e.leaseActionId);
  if (action?.type !== "action") return null;
  const task = (await tx.openTasks(e.accountId)).find((t) => t.id === e.leaseActionId);
  if (task === undefined || task.claimedBy !== null || task.leaseUntil !== null) return null;
  const released = { status: "ready" as const, leaseActionId: null, readyAt: scope.now };
  if (dryRun) return { ...e, ...released };
  const release = { which: "unheld", reason: "released", at: scope.now, forgetBefore: scope.now - RELEASES_KEPT } as const;
  if (!(await tx.releaseOpenAction(e.leaseActionId, release))) return null;
  await applyTransition({ ...scope, store: tx }, e, { type: "released", kind: action.kind, readyAt: scope.now });
  return (await tx.getEnrollment(e.id)) as EnrollmentRow;
}

/** The engine re-decides for the account now. */
async function wake(tx: Store, account: AccountRow, now: Instant): Promise<void> {
  const current = await tx.lockAccount(account.id);
  if (current.wakeAt === null || current.wakeAt > now) await tx.updateAccount(account.id, { wakeAt: now });
}
