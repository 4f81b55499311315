/**
 * Adopting invitations the owner sent by hand (OUTGOING rows of Invitations.csv), so that they count against
 * the account's rolling budget and pending cap and are withdrawn on the same rules as linkpace's own.
 *
 * - A person with no invitation on record gets an enrollment in the account's campaign for adopted
 *   invitations, `<account>-adopted` (one `connect` with `withdrawAfter: 21d`, created on first use), as
 *   `invited` at the row's `Sent At`, with its message as the note.
 * - A person whose active enrollment (of this account) has not sent its invitation yet: the hand-sent
 *   invitation is recorded on that enrollment, which moves past its connect step as if linkpace had sent it.
 * - An invitation already on record is not adopted again: an enrollment of this account has an invitation
 *   that was not withdrawn or declined before this row's `Sent At` (the same invitation, minute-precise in
 *   the export). This is what makes a re-import idempotent.
 * - A person enrolled under another account, or whose action is in flight, is reported and left alone.
 */
import { campaignDocFromObject } from "../core/campaign/index.js";
import { connectIndex } from "../core/enrollment/state-machine.js";
import { draftEnrollment } from "../core/enrollment/transition.js";
import { LinkpaceError } from "../core/errors.js";
import { loadGovernorState, type GovernorState } from "../core/governor/index.js";
import { recordInvitationSentOutside } from "../core/governor/record-outside.js";
import { namesFromFull } from "../core/prospect/person-name.js";
import { MINUTE } from "../core/time.js";
import type { InvitationFact } from "../io/linkedin-archive/index.js";
import type { CampaignRow, EnrollmentRow, NewEnrollment, PersonRow } from "../store/store.js";
import type { ArchiveScope } from "./archive-scope.js";
import { notifyMilestone } from "./notify.js";
import { createOutsidePerson, lookupPerson } from "./outside-people.js";
import { applyTransition, planTransition } from "./transitions.js";
import { schedulingZone } from "./windows.js";

export const ADOPTED_WITHDRAW_AFTER = "21d";

export function adoptedCampaignName(account: string): string {
  return `${account}-adopted`;
}

export async function adoptInvitations(scope: ArchiveScope, facts: InvitationFact[]): Promise<void> {
  const { tx, account } = scope;
  let state = loadGovernorState((await tx.lockAccount(account.id)).state);
  for (const fact of facts) state = await adoptOne(scope, fact, state);
  await tx.updateAccount(account.id, { state });
}

async function adoptOne(scope: ArchiveScope, fact: InvitationFact, state: GovernorState): Promise<GovernorState> {
  const { tx, account, now, changes } = scope;
  const problem = (reason: string): GovernorState => {
    changes.problems.push({ file: fact.file, line: fact.line, reason: `${fact.invitee[0]}: ${reason}` });
    return state;
  };
  if (fact.sentAt > now) return problem("sent after now; check the clock (LINKPACE_NOW)");
  const found = await lookupPerson(tx, account.workspaceId, fact.invitee);
  if (found.type === "ambiguous") return problem(`its identifiers belong to ${found.count} different people already known`);
  let person: PersonRow;
  if (found.type === "known") {
    person = found.person;
    scope.touched.add(person.id);
    const active = (await tx.activeEnrollments(account.workspaceId, [person.id])).get(person.id);
    if (active) return adoptIntoActive(scope, fact, state, active);
    const latest = await tx.latestEnrollment(account.id, person.id);
    if (latest && isSameInvitation(latest, fact)) return state;
  } else {
    person = await createOutsidePerson(tx, {
      workspaceId: account.workspaceId,
      identifiers: fact.invitee,
      ...namesFromFull(fact.name),
      connectedAt: null,
      now,
    });
    scope.touched.add(person.id);
  }
  const campaign = await adoptedCampaign(scope);
  const draft: NewEnrollment = {
    workspaceId: account.workspaceId,
    campaignId: campaign.id,
    accountId: account.id,
    personId: person.id,
    prospectTz: schedulingZone(campaign.doc, account.doc, person.timezone),
    enrolledAt: now,
    ...draftEnrollment(fact.sentAt),
  };
  const { change } = planTransition({ account: account.doc, campaign: campaign.doc, now: fact.sentAt }, draft, [
    { type: "invited_outside", step: 0, note: fact.message },
  ]);
  const [id] = await tx.insertEnrollments([{ ...draft, ...change }]);
  return adopted(scope, fact, state, { campaignId: campaign.id, campaignName: campaign.name, person, enrollmentId: id as number });
}

/** The person is in a campaign: record the hand-sent invitation there if that campaign has not invited yet. */
async function adoptIntoActive(
  scope: ArchiveScope,
  fact: InvitationFact,
  state: GovernorState,
  active: { enrollment: EnrollmentRow; campaignName: string },
): Promise<GovernorState> {
  const { tx, account, ctx } = scope;
  const e = active.enrollment;
  const problem = (reason: string): GovernorState => {
    scope.changes.problems.push({ file: fact.file, line: fact.line, reason: `${fact.invitee[0]}: ${reason}` });
    return state;
  };
  if (e.invitedAt !== null) return state; // on record already: this invitation, or one LinkedIn superseded
  if (e.accountId !== account.id)
    return problem(`enrolled in campaign ${active.campaignName} of another account; the invitation was not adopted`);
  if (e.status === "in_flight")
    return problem(`an action of campaign ${active.campaignName} is being performed for this person; import again once it is done`);
  const campaign = await ctx.campaigns.get(e.campaignId, tx);
  const at = connectIndex(campaign.doc);
  if (at < e.step)
    return problem(`campaign ${active.campaignName} has no invitation step ahead for this person; the invitation was not adopted`);
  await applyTransition({ store: tx, account: account.doc, campaign: campaign.doc, now: fact.sentAt }, e, {
    type: "invited_outside",
    step: at,
    note: fact.message,
  });
  const person = (await tx.getPerson(e.personId)) as PersonRow;
  return adopted(scope, fact, state, { campaignId: e.campaignId, campaignName: active.campaignName, person, enrollmentId: e.id });
}

interface AdoptedInto {
  campaignId: number;
  campaignName: string;
  person: PersonRow;
  enrollmentId: number;
}

async function adopted(scope: ArchiveScope, fact: InvitationFact, state: GovernorState, to: AdoptedInto): Promise<GovernorState> {
  const { tx, ctx, account, now } = scope;
  scope.changes.invitationsAdopted++;
  const into = scope.changes.adoptedInto.find((a) => a.campaign === to.campaignName);
  if (into) into.invitations++;
  else scope.changes.adoptedInto.push({ campaign: to.campaignName, invitations: 1 });
  await notifyMilestone(tx, ctx, {
    at: fact.sentAt,
    kind: "invite_sent",
    account,
    campaignId: to.campaignId,
    personId: to.person.id,
    prospect: to.person.displayUrl,
    extra: { note: fact.message, source: "linkedin-archive" },
  });
  return recordInvitationSentOutside(account.doc, state, { at: fact.sentAt, withNote: fact.message !== "", now });
}

/**
 * Whether this enrollment's invitation is the row's: it was sent, and not closed (withdrawn, declined) before
 * the row's `Sent At`; LinkedIn allows no second invitation while one is pending.
 */
function isSameInvitation(e: EnrollmentRow, fact: InvitationFact): boolean {
  if (e.invitedAt === null) return false;
  const closedAt = e.withdrawnAt ?? (e.endReason === "declined" ? e.endedAt : null);
  return closedAt === null || closedAt >= fact.sentAt - MINUTE;
}

/** The account's campaign for adopted invitations, created on first use. */
async function adoptedCampaign(scope: ArchiveScope): Promise<CampaignRow> {
  const { tx, account, now } = scope;
  const name = adoptedCampaignName(account.name);
  const existing = await tx.getCampaign(account.workspaceId, name);
  if (existing) {
    if (existing.accountId !== account.id || connectIndex(existing.doc) !== 0) {
      throw new LinkpaceError(
        "conflict",
        `campaign ${name} exists but is not ${account.name}'s campaign for adopted invitations (which starts with its connect step); rename that campaign`,
      );
    }
    return existing;
  }
  const doc = campaignDocFromObject(
    { name, account: account.name, stopOnReply: true, steps: [{ connect: { withdrawAfter: ADOPTED_WITHDRAW_AFTER } }] },
    `campaign ${name}`,
  );
  const row = await tx.insertCampaign({
    workspaceId: account.workspaceId,
    name,
    accountId: account.id,
    doc,
    status: "active",
    createdAt: now,
  });
  scope.created.push(row.id);
  return row;
}
