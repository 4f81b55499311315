/**
 * A person who works an account's tasks in sittings, as the plan suggests: at the start of each of the sender's
 * days they look at the day's plan, and they sit down at each suggested sitting's start for its length. Accounts
 * whose pacing is `drip` are left alone. What each plan said is kept, to be compared with what was released.
 */
import type { App } from "../app.js";
import { MinHeap } from "../channels/simulator/min-heap.js";
import { startOfNextLocalDay } from "../core/schedule/index.js";
import type { Instant } from "../core/time.js";
import { planAccount, type DayPlan } from "../engine/plan/plan.js";
import type { SimPerson } from "./run-simulation.js";

type Agenda = { at: Instant; seq: number; account: string } & ({ type: "plan" } | { type: "sit"; until: Instant });

export interface DayPlanMade {
  account: string;
  madeAt: Instant;
  day: DayPlan;
}

export class SittingPerson implements SimPerson {
  /** Each plan made at the start of a day, for that day. */
  readonly plans: DayPlanMade[] = [];
  /** Each sitting kept. */
  readonly sittings: Array<{ account: string; from: Instant; until: Instant }> = [];
  private readonly agenda = new MinHeap<Agenda>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private seq = 0;

  constructor(private readonly opts: { maxSitting?: number } = {}) {}

  async start(app: App, at: Instant): Promise<void> {
    for (const account of await app.store.listAccounts(app.ctx.workspaceId)) {
      if (account.doc.pacing === "sittings") this.push({ at, account: account.name, type: "plan" });
    }
  }

  nextAt(): Instant | null {
    return this.agenda.peek()?.at ?? null;
  }

  async act(app: App, now: Instant): Promise<void> {
    while (this.agenda.size > 0 && (this.agenda.peek() as Agenda).at <= now) {
      const item = this.agenda.pop() as Agenda;
      const account = await app.account(item.account);
      if (item.type === "sit") {
        await app.engine.setSitting(account.id, now, item.until - now);
        this.sittings.push({ account: item.account, from: now, until: item.until });
        continue;
      }
      // Inline channel: the simulator performs each task the moment it is handed out, so no lease margin.
      const plan = await planAccount(app.store, app.ctx, account, {
        now,
        days: 1,
        margin: 0,
        ...(this.opts.maxSitting !== undefined ? { maxSitting: this.opts.maxSitting } : {}),
      });
      const day = plan.days[0] as DayPlan;
      this.plans.push({ account: item.account, madeAt: now, day });
      for (const s of day.sittings) this.push({ at: s.from, account: item.account, type: "sit", until: s.until });
      this.push({ at: startOfNextLocalDay(account.doc.timezone, now), account: item.account, type: "plan" });
    }
  }

  private push(item: { at: Instant; account: string } & ({ type: "plan" } | { type: "sit"; until: Instant })): void {
    this.agenda.push({ ...item, seq: this.seq++ });
  }
}
