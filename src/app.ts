/**
 * The application: the one place where adapters (store, channel, clock) are wired to the core and the engine.
 * The CLI (and later the server) are thin shells over these operations.
 */
import { campaignAnalytics } from "./engine/analytics.js";
import { variantAnalytics } from "./engine/variant-analytics.js";
import type { VariantPolicy } from "./engine/variants.js";
import { versionAnalytics } from "./engine/version-analytics.js";
import type { Channel } from "./channels/channel.js";
import { initialGovernorState } from "./core/governor/index.js";
import type { AccountDoc, CampaignDoc } from "./core/model.js";
import { checkCreatedDate } from "./core/campaign/index.js";
import { invalidDocument, joinWhere } from "./core/campaign/doc-issues.js";
import { LinkpaceError } from "./core/errors.js";
import type { Clock, Instant } from "./core/time.js";
import { CampaignCache, type EngineContext } from "./engine/context.js";
import { Engine } from "./engine/engine.js";
import { enrollGroups, enrollProspects, type EnrollGroup, type EnrollItem, type EnrollResult } from "./engine/enroll.js";
import { recordNetworkEvent, type EventOutcome, type NetworkEvent } from "./engine/network-events.js";
import { applyArchive, type ArchiveOutcome } from "./engine/archive-apply.js";
import { markPerson, type MarkInput, type MarkResult } from "./engine/mark.js";
import { updateCampaign, type UpdateOutcome } from "./engine/update-campaign.js";
import {
  deleteCampaign,
  removeAccount,
  removeEnrollment,
  removeProspect,
  stopCampaign,
  type AccountRemoval,
  type EndedEnrollment,
  type RemoveOutcome,
  type StopOutcome,
} from "./engine/removals.js";
import type { ArchiveFacts } from "./io/linkedin-archive/index.js";
import {
  DEFAULT_WORKSPACE,
  type AccountRow,
  type CampaignRow,
  type CampaignStatus,
  type RemovedRows,
  type Store,
  type WorkspaceId,
} from "./store/store.js";
import { NOTHING_ALLOWED, type WebhookAllow } from "./webhooks/webhook-allow.js";

export interface AppDeps {
  store: Store;
  channel: Channel;
  clock: Clock;
  workspaceId?: WorkspaceId;
  /** The non-public webhook targets the server's setting allows (LINKPACE_WEBHOOK_ALLOW; default: none). */
  webhookAllow?: WebhookAllow;
  /** What the engine's random choices are seeded by (a simulation passes its scenario's seed). */
  seed?: string;
  /** How variants are chosen: learnt (default), or evenly (a benchmark's baseline). */
  variantPolicy?: VariantPolicy;
  /** false: no send-time learning in any campaign (a benchmark's baseline); else each campaign's schedule.learn. */
  hourLearning?: boolean;
  /** Due accounts the engine claims per transaction with an inline channel (default 1; a simulation alone on its database: more). */
  claimBatch?: number;
}

export class App {
  readonly ctx: EngineContext;
  readonly engine: Engine;
  readonly webhookAllow: WebhookAllow;

  constructor(deps: AppDeps) {
    this.ctx = {
      store: deps.store,
      channel: deps.channel,
      clock: deps.clock,
      workspaceId: deps.workspaceId ?? DEFAULT_WORKSPACE,
      campaigns: new CampaignCache(deps.store),
      ...(deps.seed !== undefined ? { seed: deps.seed } : {}),
      ...(deps.variantPolicy !== undefined ? { variantPolicy: deps.variantPolicy } : {}),
      ...(deps.hourLearning !== undefined ? { hourLearning: deps.hourLearning } : {}),
      ...(deps.claimBatch !== undefined ? { claimBatch: deps.claimBatch } : {}),
    };
    this.engine = new Engine(this.ctx);
    this.webhookAllow = deps.webhookAllow ?? NOTHING_ALLOWED;
  }

  get store(): Store {
    return this.ctx.store;
  }

  now(): Instant {
    return this.ctx.clock.now();
  }

  /** Adds an account read by accountDocFromObject; `where` locates the document in errors. */
  async addAccount(doc: AccountDoc, where = "body"): Promise<AccountRow> {
    checkCreatedDate(doc, this.now(), where);
    const existing = await this.store.getAccount(this.ctx.workspaceId, doc.name);
    if (existing) throw new LinkpaceError("conflict", `account ${doc.name} already exists (names are unique in a workspace)`);
    return this.store.insertAccount({
      workspaceId: this.ctx.workspaceId,
      name: doc.name,
      doc,
      state: initialGovernorState(),
      wakeAt: null,
      createdAt: this.now(),
    });
  }

  /**
   * Replaces an account's settings with `doc` (already read by accountDocFromObject; `where` locates it in
   * errors). The name cannot change: campaign documents refer to the account by it. The governor's state
   * (learned weekly budget, pause, counts) is kept, and the account is woken so the engine re-decides now.
   */
  async updateAccount(name: string, doc: AccountDoc, where = "body"): Promise<AccountRow> {
    const current = await this.account(name);
    if (doc.name !== current.name) {
      throw invalidDocument(where, "account", [
        {
          where: joinWhere(where, "name"),
          message: `must be ${JSON.stringify(current.name)}: an account cannot be renamed (campaigns refer to it by name)`,
        },
      ]);
    }
    const now = this.now();
    checkCreatedDate(doc, now, where);
    await this.store.transaction(async (tx) => {
      await tx.lockAccount(current.id);
      await tx.updateAccount(current.id, { doc });
      await wakeAccount(tx, current.id, now);
    });
    return (await this.store.getAccountById(current.id)) as AccountRow;
  }

  async account(name: string): Promise<AccountRow> {
    const row = await this.store.getAccount(this.ctx.workspaceId, name);
    if (!row) {
      const known = (await this.store.listAccounts(this.ctx.workspaceId)).map((a) => a.name);
      throw new LinkpaceError(
        "not_found",
        `no account named ${name} (known: ${known.join(", ") || "none yet; add one with linkpace account add"})`,
      );
    }
    return row;
  }

  async campaign(name: string): Promise<CampaignRow> {
    const row = await this.store.getCampaign(this.ctx.workspaceId, name);
    if (!row) {
      const known = (await this.store.listCampaigns(this.ctx.workspaceId)).map((c) => c.name);
      throw new LinkpaceError(
        "not_found",
        `no campaign named ${name} (known: ${known.join(", ") || "none yet; create one with linkpace campaign create"})`,
      );
    }
    return row;
  }

  async createCampaign(doc: CampaignDoc): Promise<CampaignRow> {
    const account = await this.account(doc.account);
    if (await this.store.getCampaign(this.ctx.workspaceId, doc.name)) {
      throw new LinkpaceError("conflict", `campaign ${doc.name} already exists (names are unique in a workspace)`);
    }
    return this.store.insertCampaign({
      workspaceId: this.ctx.workspaceId,
      name: doc.name,
      accountId: account.id,
      doc,
      status: "active",
      createdAt: this.now(),
    });
  }

  async setCampaignPaused(name: string, paused: boolean): Promise<CampaignRow> {
    const found = await this.campaign(name);
    const status: CampaignStatus = paused ? "paused" : "active";
    const row = await this.store.transaction(async (tx): Promise<CampaignRow> => {
      // The engine moves the campaign's enrollments under its account's lock: take it, then read the status.
      await tx.lockAccount(found.accountId);
      const campaign = (await tx.getCampaignById(found.id)) as CampaignRow;
      if (campaign.status === "stopped")
        throw new LinkpaceError(
          "conflict",
          `campaign ${campaign.name} is stopped: a stopped campaign cannot be paused or resumed (create a new one)`,
        );
      if (campaign.status === status) return campaign;
      await tx.setCampaignStatus(campaign.id, status);
      if (paused) await tx.setCampaignReadyAt(campaign.id, null);
      else {
        // Each waiting step keeps its own delay; the engine applies the windows when it gets to them.
        for (const [i, step] of campaign.doc.steps.entries()) await tx.resumeCampaignStep(campaign.id, i, step.after, this.now());
        await wakeAccount(tx, campaign.accountId, this.now());
      }
      return { ...campaign, status };
    });
    this.ctx.campaigns.forget(found.id);
    return row;
  }

  /**
   * Enrolls prospects in one transaction: all accepted rows are written, or none. `pause` is awaited between
   * chunks of items (a server answers other requests meanwhile); when it throws, the transaction rolls back.
   */
  async enroll(
    campaignName: string,
    items: EnrollItem[],
    opts: { dryRun?: boolean; pause?: () => Promise<void> } = {},
  ): Promise<EnrollResult[]> {
    const campaign = await this.campaign(campaignName);
    if (campaign.status === "stopped")
      throw new LinkpaceError("conflict", `campaign ${campaign.name} is stopped: nobody can be enrolled in it (create a new campaign)`);
    const account = (await this.store.getAccountById(campaign.accountId)) as AccountRow;
    const now = this.now();
    const dryRun = new Error("dry run");
    let results: EnrollResult[] = [];
    try {
      await this.store.transaction(async (tx) => {
        results = await enrollProspects(tx, { account, campaign, items, now, ...(opts.pause ? { pause: opts.pause } : {}) });
        if (campaign.status === "paused") await tx.setCampaignReadyAt(campaign.id, null);
        await wakeAccount(tx, account.id, now);
        if (opts.dryRun) throw dryRun;
      });
    } catch (e) {
      if (e !== dryRun) throw e;
    }
    return results;
  }

  /**
   * Several imports in one transaction, in order, as `enroll` would enroll them one after the other (a
   * simulation's prospects, which alternate between campaigns): written in batches across them. Results per import.
   */
  async enrollMany(imports: Array<{ campaign: string; items: EnrollItem[] }>): Promise<EnrollResult[][]> {
    const groups: EnrollGroup[] = [];
    const found = new Map<string, EnrollGroup>();
    for (const { campaign: name, items } of imports) {
      let group = found.get(name);
      if (group === undefined) {
        const campaign = await this.campaign(name);
        if (campaign.status === "stopped")
          throw new LinkpaceError("conflict", `campaign ${campaign.name} is stopped: nobody can be enrolled in it (create a new campaign)`);
        group = { campaign, account: (await this.store.getAccountById(campaign.accountId)) as AccountRow, items: [] };
        found.set(name, group);
      }
      groups.push({ ...group, items });
    }
    const now = this.now();
    return this.store.transaction(async (tx) => {
      const results = await enrollGroups(tx, { groups, now });
      for (const { campaign } of found.values()) if (campaign.status === "paused") await tx.setCampaignReadyAt(campaign.id, null);
      for (const accountId of new Set(groups.map((g) => g.account.id))) await wakeAccount(tx, accountId, now);
      return results;
    });
  }

  /** Replaces a campaign's document with its next version (engine/update-campaign.ts); a dry run writes nothing. */
  async updateCampaign(doc: CampaignDoc, opts: { dryRun?: boolean } = {}): Promise<UpdateOutcome> {
    await this.campaign(doc.name);
    return updateCampaign(this.ctx, doc, opts);
  }

  /** A campaign's funnel, steps, hours, versions and variants: `campaign stats` and GET /v1/analytics/campaigns/{name}. */
  async campaignStats(name: string) {
    const campaign = await this.campaign(name);
    const now = this.now();
    const analytics = await campaignAnalytics(this.store, campaign, now);
    const learned = await this.engine.learnedHours(now);
    return {
      ...analytics,
      // Each recipient hour with the workspace's learnt acceptance (null while too little is known).
      byHour: analytics.byHour.map((h) => ({ ...h, learned: learned === null ? null : (learned.byHour[h.hour] ?? null) })),
      versions: await versionAnalytics(this.store, campaign),
      variants: await variantAnalytics(this.store, campaign, now),
    };
  }

  /** Stops a campaign for good (engine/removals.ts): every enrollment ends; scheduled withdrawals still happen. */
  async stopCampaign(name: string): Promise<StopOutcome> {
    await this.campaign(name);
    return stopCampaign(this.ctx, name);
  }

  /** Deletes a stopped campaign with nothing pending: its enrollments and texts; its account's past actions stay, anonymous. */
  async deleteCampaign(name: string): Promise<RemovedRows> {
    await this.campaign(name);
    return deleteCampaign(this.ctx, name);
  }

  /** Ends a person's enrollment(s) with the reason `removed` (a pending invitation is still withdrawn on schedule). */
  removeProspect(input: { person: string; campaign?: string }): Promise<RemoveOutcome> {
    return removeProspect(this.ctx, input);
  }

  removeEnrollment(id: number): Promise<EndedEnrollment> {
    return removeEnrollment(this.ctx, id);
  }

  /** Removes an account with its campaigns and log, once nothing is pending (engine/removals.ts). */
  async removeAccount(name: string, opts: { stopCampaigns: boolean }): Promise<AccountRemoval> {
    await this.account(name);
    return removeAccount(this.ctx, name, opts);
  }

  recordNetworkEvent(ev: NetworkEvent): Promise<EventOutcome> {
    return recordNetworkEvent(this.ctx, this.engine, ev);
  }

  /** Applies LinkedIn's data export to one account in one transaction (engine/archive-apply.ts). */
  async importLinkedInArchive(accountName: string, facts: ArchiveFacts, opts: { dryRun?: boolean } = {}): Promise<ArchiveOutcome> {
    return applyArchive(this.ctx, this.engine, { account: await this.account(accountName), facts, dryRun: opts.dryRun === true });
  }

  /** An outcome the owner learned elsewhere: accepted, replied, declined, connected (engine/mark.ts). */
  mark(input: MarkInput): Promise<MarkResult> {
    return markPerson(this.ctx, this.engine, input);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** Makes the engine look at an account no later than `at`. */
export async function wakeAccount(tx: Store, accountId: number, at: Instant): Promise<void> {
  const account = await tx.lockAccount(accountId);
  if (account.wakeAt === null || account.wakeAt > at) await tx.updateAccount(accountId, { wakeAt: at });
}
