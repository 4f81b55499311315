import { App } from "../../src/app.js";
import type { ActionOutcome, ActionRequest, Channel } from "../../src/channels/channel.js";
import type { AccountDoc, ActionResult, CampaignDoc, ProspectInput } from "../../src/core/model.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";

/** An inline channel whose answers a test scripts; it remembers every request. */
export class ScriptedChannel implements Channel {
  readonly name = "scripted";
  readonly inline = true;
  readonly requests: ActionRequest[] = [];
  constructor(public answer: (req: ActionRequest) => ActionResult = () => "ok") {}
  async perform(req: ActionRequest): Promise<ActionOutcome> {
    this.requests.push(req);
    return { status: "done", result: this.answer(req) };
  }
}

export interface Harness {
  app: App;
  clock: VirtualClock;
  channel: ScriptedChannel;
  /** Runs the engine on the virtual clock until `iso` (exclusive). */
  runUntil(iso: string): Promise<void>;
}

export async function harness(account: AccountDoc, campaigns: CampaignDoc[], start = "2027-03-01T00:00:00Z"): Promise<Harness> {
  return harnessOn(await openSqliteStore(":memory:"), account, campaigns, start);
}

/** The harness on a given store (backend-harness.ts: each backend of the store contract suite). */
export async function harnessOn(
  store: Store,
  account: AccountDoc,
  campaigns: CampaignDoc[],
  start = "2027-03-01T00:00:00Z",
): Promise<Harness> {
  const clock = new VirtualClock(parseInstant(start) as number);
  const channel = new ScriptedChannel();
  const app = new App({ store, channel, clock });
  await app.addAccount(account);
  for (const c of campaigns) await app.createCampaign(c);
  return { app, clock, channel, runUntil: (iso) => runEngineUntil(app, clock, iso) };
}

/** Runs `app`'s engine on the virtual clock from wake-up to wake-up until `iso` (exclusive), then sets the clock to it. */
export async function runEngineUntil(app: App, clock: VirtualClock, iso: string): Promise<void> {
  const end = parseInstant(iso) as number;
  for (;;) {
    const wake = await app.engine.nextWakeAt();
    if (wake === null || wake >= end) break;
    clock.set(Math.max(clock.now(), wake));
    await app.engine.tick(clock.now());
  }
  clock.set(Math.max(clock.now(), end));
}

export function prospect(slug: string, over: Partial<ProspectInput> = {}): ProspectInput {
  return {
    identifiers: [`https://www.linkedin.com/in/${slug}`],
    firstName: "Jane",
    lastName: "Doe",
    company: "Acme",
    title: "CTO",
    location: "",
    timezone: "Europe/Paris",
    connected: false,
    custom: {},
    ...over,
  };
}
