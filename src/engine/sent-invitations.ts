/**
 * An invitation as users read it (`linkpace sent`, `sent --csv`, GET /v1/invitations): the person, where it was
 * sent from, its status and its dates as ISO 8601 in whole seconds, like the exports.
 */
import { personName } from "../core/prospect/person-name.js";
import { formatInstantSeconds } from "../core/time.js";
import type { InvitationRow } from "../store/store.js";

export type InvitationStatus = "pending" | "accepted" | "replied" | "withdrawn" | "declined";

export interface SentInvitation {
  name: string;
  profileUrl: string;
  company: string;
  title: string;
  campaign: string;
  account: string;
  status: InvitationStatus;
  sentAt: string;
  note: string;
  acceptedAt: string | null;
  repliedAt: string | null;
  withdrawnAt: string | null;
}

export function invitationStatus(r: InvitationRow): InvitationStatus {
  if (r.repliedAt !== null) return "replied";
  if (r.acceptedAt !== null) return "accepted";
  if (r.withdrawnAt !== null) return "withdrawn";
  if (r.endReason === "declined") return "declined";
  return "pending";
}

const at = (t: number | null): string | null => (t === null ? null : formatInstantSeconds(t));

export function toSent(r: InvitationRow): SentInvitation {
  return {
    name: personName(r),
    profileUrl: r.displayUrl,
    company: r.company,
    title: r.title,
    campaign: r.campaignName,
    account: r.accountName,
    status: invitationStatus(r),
    sentAt: formatInstantSeconds(r.invitedAt),
    note: r.inviteNote ?? "",
    acceptedAt: at(r.acceptedAt),
    repliedAt: at(r.repliedAt),
    withdrawnAt: at(r.withdrawnAt),
  };
}

/** The columns of `sent --csv`, in order; scripts read them by these names, so they only ever grow at the end. */
export const SENT_CSV_COLUMNS = [
  "name",
  "profileUrl",
  "company",
  "title",
  "campaign",
  "account",
  "status",
  "sentAt",
  "acceptedAt",
  "repliedAt",
  "withdrawnAt",
  "note",
] as const satisfies ReadonlyArray<keyof SentInvitation>;
