/**
 * Choosing the variant an action sends (core/campaign/variants.ts): Thompson sampling over what the campaign's
 * earlier actions of the same kind got (store/variants.ts), with the exploration floor and, with `autoWinner`,
 * the winner rule of core/learning/bandit.ts.
 *
 * - A step without variants sends its one text: nothing is chosen, nothing logged.
 * - Paused variants are never chosen; a winner found earlier is the only one sent while it is active (not
 *   paused, its text not edited).
 * - The draw is seeded by the workspace's seed, the campaign, the enrollment and the step, so the same run
 *   chooses the same (a simulation with its seed gives the same log on every backend), and preparing the same
 *   enrollment twice chooses the same.
 * - What the actions got is read at most once an hour of the engine's clock per campaign and kind: results
 *   come in over days, and the claim path stays one query lighter.
 */
import { activeVariants, variantKey } from "../core/campaign/variants.js";
import { chooseArm, winnerOf, type ArmStats } from "../core/learning/bandit.js";
import type { CampaignStep, TextVariant } from "../core/model.js";
import { createRng } from "../core/random.js";
import { DAY, HOUR, type Instant } from "../core/time.js";
import type { CampaignRow, Store, VariantTally } from "../store/store.js";

/** An invitation still pending this long counts as not accepted; a message unanswered this long, as not replied to. */
export const DECIDE_INVITATION_AFTER = 21 * DAY;
export const DECIDE_MESSAGE_AFTER = 14 * DAY;
/** How long what the actions got is reused before it is read again. */
const REFRESH = HOUR;

export interface ChosenVariant {
  /** Name and text hash (variantKey): what the log keeps. */
  key: string;
  variant: TextVariant;
}

interface Learnt {
  at: Instant;
  version: number;
  tallies: VariantTally[];
  winners: string[];
  /** Chosen since the tallies were read, by key: the floor counts them as sent. */
  chosen: Map<string, number>;
}

/**
 * `learn`: Thompson sampling as above. `even`: every active variant equally likely, nothing learnt (what A/B tools
 * do; the policy benchmark's comparison).
 */
export type VariantPolicy = "learn" | "even";

export class VariantChooser {
  private readonly learnt = new Map<string, Learnt>();

  constructor(
    private readonly seed: string,
    private readonly policy: VariantPolicy = "learn",
  ) {}

  /** The variant to send for this enrollment's step, or null when the step has none. */
  async choose(tx: Store, campaign: CampaignRow, enrollment: { id: number; step: number }, now: Instant): Promise<ChosenVariant | null> {
    const step = campaign.doc.steps[enrollment.step];
    const variants = variantsOf(step);
    if (variants === null || (step?.kind !== "connect" && step?.kind !== "message")) return null;
    const active = activeVariants(variants).map((variant) => ({ key: variantKey(variant), variant }));
    if (active.length === 1) return active[0] as ChosenVariant;
    if (this.policy === "even")
      return active[createRng(this.seed, "variant", campaign.id, enrollment.id, enrollment.step).int(active.length)] as ChosenVariant;
    const learnt = await this.read(tx, campaign, step.kind, now);
    const won = active.find((a) => learnt.winners.includes(a.key));
    if (won) return won;
    const arms = armsOf(active, learnt.tallies).map((a) => ({ ...a, sent: a.sent + (learnt.chosen.get(a.name) ?? 0) }));
    if (campaign.doc.autoWinner === true) {
      const winner = winnerOf(arms);
      if (winner !== null) {
        await tx.addVariantWinner(campaign.id, winner, now);
        learnt.winners.push(winner);
        return active.find((a) => a.key === winner) as ChosenVariant;
      }
    }
    const rng = createRng(this.seed, "variant", campaign.id, enrollment.id, enrollment.step);
    const choice = chooseArm(arms, rng);
    return active.find((a) => a.key === choice.name) as ChosenVariant;
  }

  /** An action that sends `key` was handed out: until the tallies are read again, the floor counts it. */
  handedOut(campaignId: number, kind: "connect" | "message", key: string): void {
    const learnt = this.learnt.get(`${campaignId}:${kind}`);
    if (learnt) learnt.chosen.set(key, (learnt.chosen.get(key) ?? 0) + 1);
  }

  private async read(tx: Store, campaign: CampaignRow, kind: "connect" | "message", now: Instant): Promise<Learnt> {
    const id = `${campaign.id}:${kind}`;
    const hit = this.learnt.get(id);
    if (hit && hit.version === campaign.version && now - hit.at < REFRESH && now >= hit.at) return hit;
    const decideAfter = kind === "connect" ? DECIDE_INVITATION_AFTER : DECIDE_MESSAGE_AFTER;
    const fresh: Learnt = {
      at: now,
      version: campaign.version,
      tallies: await tx.variantTallies(campaign.id, kind, { now, decideAfter }),
      winners: await tx.variantWinners(campaign.id),
      chosen: new Map(),
    };
    this.learnt.set(id, fresh);
    return fresh;
  }
}

/**
 * The texts a connect or a message may send: each variant not paused (with its name), or the step's one text
 * (name null). Empty for other steps.
 */
export function sentTexts(step: CampaignStep): Array<{ name: string | null; text: string | null }> {
  if (step.kind !== "connect" && step.kind !== "message") return [];
  const variants = variantsOf(step);
  if (variants !== null) return activeVariants(variants).map((v) => ({ name: v.name, text: v.text }));
  return [{ name: null, text: step.kind === "connect" ? step.note : step.text }];
}

/** A connect's or a message's variants, or null for a step with one text (or another kind). */
export function variantsOf(step: CampaignStep | undefined): TextVariant[] | null {
  if (step === undefined || (step.kind !== "connect" && step.kind !== "message")) return null;
  return step.variants !== undefined && step.variants.length > 0 ? step.variants : null;
}

/**
 * The bandit's arms: each active variant with what its actions got, every version of the campaign summed. The
 * posterior is over matured actions (sent 21 days ago for invitations, 14 for messages), each of which is
 * decided: counting recent acceptances but not the recent invitations still pending would lift the rate of
 * whichever variant was sent most lately, and the draws would then favour it for that reason alone.
 */
export function armsOf(active: ReadonlyArray<{ key: string }>, tallies: readonly VariantTally[]): ArmStats[] {
  return active.map(({ key }) => {
    const mine = tallies.filter((t) => t.variant === key);
    return {
      name: key,
      sent: mine.reduce((n, t) => n + t.sent, 0),
      decided: mine.reduce((n, t) => n + t.matured, 0),
      successes: mine.reduce((n, t) => n + t.maturedSuccesses, 0),
      active: true,
    };
  });
}
