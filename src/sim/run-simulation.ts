/**
 * Runs a scenario against the simulator on a virtual clock: LinkedIn's events and the engine's wake-ups are
 * processed in time order (events first at equal instants), until `days` have passed.
 */
import type { VariantPolicy } from "../engine/variants.js";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { App } from "../app.js";
import { LinkedInSimulator } from "../channels/simulator/index.js";
import { LinkpaceError } from "../core/errors.js";
import { quote } from "../core/limits.js";
import { resolveZone } from "../core/prospect/location-zone.js";
import { profileIdentifiers } from "../core/prospect/profile-url.js";
import { DAY, VirtualClock, type Instant } from "../core/time.js";
import type { EnrollItem } from "../engine/enroll.js";
import { readProspectCsv } from "../io/prospect-csv/index.js";
import type { Store } from "../store/store.js";
import type { InlineProspect, Scenario } from "./scenario.js";
import { summarize, type Refusal, type SimReport } from "./summary.js";

/** Due accounts the simulation's engine claims per transaction (EngineContext.claimBatch). */
export const SIM_CLAIM_BATCH = 16;

export interface RunOptions {
  scenario: Scenario;
  /** Where the scenario file is: CSV imports are relative to it. */
  scenarioPath: string;
  store: Store;
  onProgress?: (done: Instant, total: Instant) => void;
  /** A person who acts at times of their own (sim/sitting-person.ts: opens sittings), between LinkedIn's events and the engine's turns. */
  person?: SimPerson;
  /** How the engine chooses variants: learnt (default), or evenly (the policy benchmark's baseline). */
  variantPolicy?: VariantPolicy;
  /** false: the engine does not move invitations toward the hours it learnt are better (send-time learning). */
  hourLearning?: boolean;
}

/** Someone acting in the simulation at their own times: `act` runs at `nextAt` on the virtual clock. */
export interface SimPerson {
  /** After the scenario is set up, before the first turn. */
  start(app: App, at: Instant): Promise<void>;
  nextAt(): Instant | null;
  act(app: App, now: Instant): Promise<void>;
}

export interface SimRun {
  app: App;
  simulator: LinkedInSimulator;
  report: SimReport;
}

export async function runSimulation(opts: RunOptions): Promise<SimRun> {
  const { scenario, store } = opts;
  const clock = new VirtualClock(scenario.start);
  const simulator = new LinkedInSimulator({
    seed: scenario.seed,
    accounts: scenario.accounts.map((a) => ({ name: a.doc.name, timezone: a.doc.timezone, type: a.doc.type, truth: a.linkedin })),
  });
  const app = new App({
    store,
    channel: simulator,
    clock,
    seed: String(scenario.seed),
    ...(opts.variantPolicy !== undefined ? { variantPolicy: opts.variantPolicy } : {}),
    ...(opts.hourLearning !== undefined ? { hourLearning: opts.hourLearning } : {}),
    // The simulation is alone on its database: due accounts are claimed together (the same turns, fewer transactions).
    claimBatch: SIM_CLAIM_BATCH,
  });
  for (const a of scenario.accounts) await app.addAccount(a.doc);
  for (const c of scenario.campaigns) await app.createCampaign(c);
  const prospects = await enrollAll(app, simulator, opts);
  const end = scenario.start + scenario.days * DAY;
  await opts.person?.start(app, clock.now());
  await loop(app, simulator, clock, end, opts.onProgress, opts.person);
  return { app, simulator, report: await summarize(app, prospects) };
}

async function loop(
  app: App,
  sim: LinkedInSimulator,
  clock: VirtualClock,
  end: Instant,
  onProgress?: RunOptions["onProgress"],
  person?: SimPerson,
): Promise<void> {
  const start = clock.now();
  // The store's earliest wake as the last tick read it: nothing else writes between two turns of this loop,
  // so it is read again only after an event was recorded (undefined: not known).
  let wake: Instant | null | undefined;
  for (;;) {
    if (wake === undefined) wake = await app.engine.nextWakeAt();
    const event = sim.nextEventAt();
    const acts = person?.nextAt() ?? null;
    const next = Math.min(wake ?? Infinity, event ?? Infinity, acts ?? Infinity);
    if (!Number.isFinite(next) || next >= end) break;
    clock.set(Math.max(clock.now(), next));
    const now = clock.now();
    if (person && acts !== null && acts <= now) {
      await person.act(app, now);
      wake = undefined;
    }
    for (const ev of sim.takeEventsUntil(now)) {
      await app.recordNetworkEvent({
        at: ev.at,
        kind: ev.kind,
        account: ev.account,
        ...(ev.prospect !== undefined ? { prospect: ev.prospect } : {}),
      });
      wake = undefined;
    }
    wake = (await app.engine.tickFrom(now, wake)).nextWake;
    onProgress?.(now - start, end - start);
  }
  // The run covers its whole span, so reports are as of its end.
  clock.set(Math.max(clock.now(), end));
}

interface Batch {
  campaign: string;
  items: EnrollItem[];
  /** Where each item is, for its refusal. */
  wheres: string[];
}

/**
 * Enrolls inline prospects, then each import, in order. A prospect that cannot be enrolled (no profile URL, a
 * duplicate, already enrolled, never reachable, a CSV row the reader refused) is a refusal, as a CSV import
 * reports it; the rest of the scenario runs.
 */
async function enrollAll(app: App, sim: LinkedInSimulator, opts: RunOptions): Promise<SimReport["prospects"]> {
  const { scenario } = opts;
  const batches: Batch[] = [];
  const refusals: Refusal[] = [];
  const unavailable = new Set<string>();
  scenario.prospects.forEach((p, i) => {
    const where = `${opts.scenarioPath}: prospects[${i}]`;
    const item = inlineItem(p);
    if (item === null) {
      refusals.push({ where, reason: `${quote(p.profileUrl)} is not a LinkedIn profile URL` });
      return;
    }
    if (p.unavailable) item.prospect.identifiers.forEach((id) => unavailable.add(id));
    const last = batches[batches.length - 1];
    if (last && last.campaign === p.campaign) {
      last.items.push(item);
      last.wheres.push(where);
    } else batches.push({ campaign: p.campaign, items: [item], wheres: [where] });
  });
  for (const imp of scenario.imports) {
    const path = resolve(dirname(opts.scenarioPath), imp.file);
    const csv = readProspectCsv(readFile(path, opts.scenarioPath), imp.file);
    refusals.push(...csv.rejects.map((r) => ({ where: `${imp.file}: line ${r.line}`, reason: r.reason })));
    const items = csv.rows.map((r) => ({ line: r.line, prospect: r.prospect, zoneHints: r.zoneHints }));
    batches.push({ campaign: imp.campaign, items, wheres: items.map((r) => `${imp.file}: line ${r.line}`) });
  }
  let enrolled = 0;
  // One transaction, batched writes: the same rows as enrolling the batches one by one (App.enrollMany).
  const everyResult = await app.enrollMany(batches.map((b) => ({ campaign: b.campaign, items: b.items })));
  const campaigns = new Map<string, Awaited<ReturnType<App["campaign"]>>>();
  for (const [n, batch] of batches.entries()) {
    const results = everyResult[n] ?? [];
    let campaign = campaigns.get(batch.campaign);
    if (campaign === undefined) {
      campaign = await app.campaign(batch.campaign);
      campaigns.set(batch.campaign, campaign);
    }
    const doc = campaign.doc;
    const account = scenario.accounts.find((a) => a.doc.name === doc.account);
    batch.items.forEach((item, i) => {
      const result = results[i];
      if (result?.status !== "enrolled") {
        refusals.push({ where: batch.wheres[i] as string, reason: result ? `${result.person}: ${result.reason}` : "not enrolled" });
        return;
      }
      enrolled++;
      const p = item.prospect;
      const zone = p.timezone ?? resolveZone({ location: p.location, ...item.zoneHints })?.zone ?? account?.doc.timezone ?? null;
      sim.addProspect({
        account: doc.account,
        url: p.identifiers[0] as string,
        identifiers: p.identifiers,
        timezone: zone,
        connected: p.connected,
        unavailable: p.identifiers.some((id) => unavailable.has(id)),
      });
    });
  }
  return { enrolled, refused: refusals.length, refusals };
}

/** The enrollment item of an inline prospect; null when its URL names no LinkedIn profile. */
function inlineItem(p: InlineProspect): EnrollItem | null {
  const ids = profileIdentifiers([p.profileUrl]).map((id) => id.url);
  if (ids.length === 0) return null;
  return {
    prospect: {
      identifiers: ids,
      firstName: p.firstName,
      lastName: p.lastName,
      company: p.company,
      title: p.title,
      location: p.location,
      timezone: p.timezone,
      connected: p.connected,
      custom: p.custom,
    },
  };
}

function readFile(path: string, scenarioPath: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new LinkpaceError(
      "invalid_input",
      `${scenarioPath}: cannot read import ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}
