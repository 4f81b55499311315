/**
 * A campaign's analytics split by version (campaign update): for each version, from when it was in force, the
 * actions handed out under it that went through (by kind), and the acceptances and replies that followed them.
 * An acceptance counts for the version of that person's invitation, a reply for the version of the last action
 * done for them before it. Read from the log, whose action rows carry their version (migration 016); actions
 * logged before versions existed count for version 1.
 */
import type { ActionKind } from "../core/model.js";
import { formatInstant, type Instant } from "../core/time.js";
import type { CampaignRow, Store } from "../store/store.js";

export interface VersionOutcome {
  version: number;
  /** When this version took effect. */
  from: string;
  sent: Record<ActionKind, number>;
  accepted: number;
  replied: number;
}

const PAGE = 1000;

export async function versionAnalytics(store: Store, campaign: CampaignRow): Promise<VersionOutcome[]> {
  const versions = await store.listCampaignVersions(campaign.id);
  const out = new Map<number, VersionOutcome>(
    versions.map((v) => [
      v.version,
      {
        version: v.version,
        from: formatInstant(v.createdAt),
        sent: { visit: 0, connect: 0, message: 0, withdraw: 0 },
        accepted: 0,
        replied: 0,
      },
    ]),
  );
  // Per enrollment: the version of its invitation, and of its last action done.
  const invitedUnder = new Map<number, number>();
  const lastUnder = new Map<number, number>();
  for (let after: { at: Instant; id: number } | null = null; ;) {
    const page = await store.exportActivity(campaign.workspaceId, { campaignId: campaign.id }, after, PAGE);
    for (const row of page) {
      after = { at: row.at, id: row.id };
      const who = row.enrollmentId;
      if (row.type === "action") {
        if (row.result !== "ok") continue;
        const version = row.campaignVersion ?? 1;
        const entry = out.get(version);
        if (entry) entry.sent[row.kind]++;
        if (who === null) continue;
        lastUnder.set(who, version);
        if (row.kind === "connect") invitedUnder.set(who, version);
        continue;
      }
      if (who === null) continue;
      const version = row.kind === "accepted" ? invitedUnder.get(who) : row.kind === "replied" ? lastUnder.get(who) : undefined;
      const entry = version === undefined ? undefined : out.get(version);
      if (!entry) continue;
      if (row.kind === "accepted") entry.accepted++;
      else entry.replied++;
    }
    if (page.length < PAGE) break;
  }
  return [...out.values()];
}
