/**
 * What the engine learns from about text variants, of the memory store (../variants.ts is the SQL one, whose
 * header says what is sent, decided, a success and matured). Read per action: the campaign's `ok` actions that
 * sent a variant come from logVariantSent, a message's later messages from logMessagesByEnrollment
 * (database.ts), never from a scan of the log.
 */
import type { Instant } from "../../core/time.js";
import type { VariantStore, VariantTally } from "../variants.js";
import { compareText, type MemoryContext } from "./context.js";
import { key, type EnrollmentDbRow, type LogDbRow, type MemoryDatabase } from "./database.js";

/** One action's part in its variant's tally. */
interface Counted {
  decided: boolean;
  success: boolean;
}

/** An invitation: a success once accepted; decided once accepted, withdrawn, ended, or matured. */
function countInvitation(l: LogDbRow, e: EnrollmentDbRow, cutoff: Instant): Counted {
  const success = e.accepted_at !== null;
  return { success, decided: success || e.withdrawn_at !== null || e.status === "done" || l.at <= cutoff };
}

/**
 * A message: a success when the reply came after it and before any later message; decided when so, when a later
 * message went out, when the enrollment ended, or once matured.
 */
function countMessage(db: MemoryDatabase, m: LogDbRow, e: EnrollmentDbRow, cutoff: Instant): Counted {
  let later = false;
  let beforeReply = false;
  for (const id of db.logMessagesByEnrollment.get(m.enrollment_id as number)) {
    const n = db.log.get(id) as LogDbRow;
    if (n.at <= m.at) continue;
    later = true;
    if (e.replied_at !== null && n.at <= e.replied_at) beforeReply = true;
  }
  const success = e.replied_at !== null && e.replied_at >= m.at && !beforeReply;
  return { success, decided: success || later || e.status === "done" || m.at <= cutoff };
}

/** SQLite's GROUP BY order (variant, then version with NULL first), before the SQL module's own sort. */
function groupOrder(a: VariantTally, b: VariantTally): number {
  const v = compareText(a.variant, b.variant);
  if (v !== 0 || a.version === b.version) return v;
  if (a.version === null) return -1;
  if (b.version === null) return 1;
  return a.version - b.version;
}

export function variantMethods(ctx: MemoryContext): VariantStore {
  return {
    variantTallies: (campaignId, kind, { now, decideAfter }) =>
      ctx.run((db) => {
        const cutoff = now - decideAfter;
        const tallies = new Map<string, VariantTally>();
        for (const id of db.logVariantSent.get(key(campaignId, kind))) {
          const l = db.log.get(id) as LogDbRow;
          const e = l.enrollment_id === null ? undefined : db.enrollments.get(l.enrollment_id);
          if (!e) continue; // the inner join
          const { decided, success } = kind === "connect" ? countInvitation(l, e, cutoff) : countMessage(db, l, e, cutoff);
          const group = key(l.variant as string, l.campaign_version);
          let t = tallies.get(group);
          if (!t) {
            t = {
              variant: l.variant as string,
              version: l.campaign_version,
              sent: 0,
              decided: 0,
              successes: 0,
              matured: 0,
              maturedSuccesses: 0,
            };
            tallies.set(group, t);
          }
          t.sent++;
          if (decided) t.decided++;
          if (success) t.successes++;
          if (l.at <= cutoff) {
            t.matured++;
            if (success) t.maturedSuccesses++;
          }
        }
        return [...tallies.values()]
          .sort(groupOrder)
          .sort((a, b) => a.variant.localeCompare(b.variant) || (a.version ?? 0) - (b.version ?? 0));
      }),

    variantWinners: (campaignId) =>
      ctx.run((db) =>
        [...db.variantWinnersByCampaign.get(campaignId)]
          .map((k) => db.variantWinners.get(k) as { variant: string; decided_at: number })
          .sort((a, b) => a.decided_at - b.decided_at || compareText(a.variant, b.variant))
          .map((r) => r.variant),
      ),

    addVariantWinner: (campaignId, variant, at) =>
      ctx.run((db) => {
        // ON CONFLICT (campaign_id, variant) DO NOTHING
        if (db.variantWinners.get(key(campaignId, variant)) === undefined)
          db.variantWinners.insert({ campaign_id: campaignId, variant, decided_at: at });
      }),
  };
}
