/**
 * Choosing a variant (engine/variants.ts) in the engine's claim path: every invitation of a step with variants
 * sends one that is not paused, with its own text, and the log keeps which (name and text hash); the same
 * workspace seed chooses the same; with autoWinner, a variant found best is recorded and is the only one sent.
 */
import { describe, expect, it } from "vitest";
import { variantKey } from "../../src/core/campaign/variants.js";
import type { CampaignDoc, TextVariant } from "../../src/core/model.js";
import { DAY, HOUR } from "../../src/core/time.js";
import { renderStep } from "../../src/engine/campaign-preview.js";
import { VariantChooser } from "../../src/engine/variants.js";
import type { CampaignRow, Store, VariantTally } from "../../src/store/store.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";

const NOTES: TextVariant[] = [
  { name: "short", text: "Hi {{ firstName }}, short" },
  { name: "long", text: "Hello {{ firstName }}, a longer note" },
  { name: "off", text: "Never sent", paused: true },
];
const withVariants = (autoWinner = false): CampaignDoc =>
  campaignDoc({
    autoWinner,
    steps: [{ kind: "connect", after: 0, note: NOTES[0]!.text, variants: NOTES, noteFallback: "blank", withdrawAfter: 21 * DAY }],
  });

async function run(): Promise<Array<{ variant: string | undefined; note: string | undefined }>> {
  const h = await harness(accountDoc({ limits: { invitesPerWeek: 100, invitesPerDay: 25 } }), [withVariants()]);
  await h.app.enroll(
    "c1",
    Array.from({ length: 60 }, (_, i) => ({ prospect: prospect(`p${i}`, { firstName: `Ann${i}` }) })),
  );
  await h.runUntil("2027-03-13T00:00:00Z");
  return h.channel.requests.filter((r) => r.kind === "connect").map((r) => ({ variant: r.variant, note: r.note }));
}

describe("variants in the claim path", () => {
  it("sends one variant not paused per invitation, with its text, and logs which", async () => {
    const h = await harness(accountDoc({ limits: { invitesPerWeek: 100, invitesPerDay: 25 } }), [withVariants()]);
    await h.app.enroll(
      "c1",
      Array.from({ length: 40 }, (_, i) => ({ prospect: prospect(`p${i}`, { firstName: `Ann${i}` }) })),
    );
    await h.runUntil("2027-03-13T00:00:00Z");
    const connects = h.channel.requests.filter((r) => r.kind === "connect");
    expect(connects).toHaveLength(40);
    for (const r of connects) {
      expect(["short", "long"]).toContain(r.variant);
      const first = r.prospect.firstName;
      expect(r.note).toBe(r.variant === "short" ? `Hi ${first}, short` : `Hello ${first}, a longer note`);
    }
    // Nothing decided yet: the floor and the draws both give each some.
    const counts = new Map<string, number>();
    for (const r of connects) counts.set(r.variant!, (counts.get(r.variant!) ?? 0) + 1);
    expect(counts.get("short")).toBeGreaterThanOrEqual(4);
    expect(counts.get("long")).toBeGreaterThanOrEqual(4);
    const log = (await h.app.store.readLog(1, null, 1000)).filter((l) => l.type === "action" && l.kind === "connect");
    expect(new Set(log.map((l) => l.variant))).toEqual(new Set([variantKey(NOTES[0]!), variantKey(NOTES[1]!)]));
  });

  it("chooses the same for the same seed", async () => {
    const [a, b] = [await run(), await run()];
    expect(a.length).toBeGreaterThan(30);
    expect(b).toEqual(a);
  });
});

/** A store that answers only what the chooser reads, with tallies a test sets. */
function fakeStore(tallies: VariantTally[]): Store & { winners: string[] } {
  const winners: string[] = [];
  return {
    winners,
    variantTallies: async () => tallies,
    variantWinners: async () => [...winners],
    addVariantWinner: async (_id: number, v: string) => {
      if (!winners.includes(v)) winners.push(v);
    },
  } as unknown as Store & { winners: string[] };
}

const row = (doc: CampaignDoc, version = 1): CampaignRow => ({ id: 7, version, doc }) as unknown as CampaignRow;

describe("VariantChooser", () => {
  const [short, long] = [variantKey(NOTES[0]!), variantKey(NOTES[1]!)];
  const clear: VariantTally[] = [
    { variant: short, version: 1, sent: 400, decided: 300, successes: 60, matured: 300, maturedSuccesses: 60 },
    { variant: long, version: 1, sent: 400, decided: 300, successes: 120, matured: 300, maturedSuccesses: 120 },
  ];

  it("with autoWinner, records the variant found best and then sends only it", async () => {
    const tallies = clear.map((t) => ({ ...t }));
    const store = fakeStore(tallies);
    const chooser = new VariantChooser("seed");
    const chosen = await chooser.choose(store, row(withVariants(true)), { id: 1, step: 0 }, 0);
    expect(chosen?.variant.name).toBe("long");
    expect(store.winners).toEqual([long]);
    // Sticky: even once the numbers no longer single it out (short catches up), another chooser (another
    // process, or an hour later) reads the recorded winner and sends only it.
    tallies[0] = { ...tallies[0]!, successes: 125, maturedSuccesses: 125 };
    const later = new VariantChooser("seed");
    for (let id = 2; id < 30; id++)
      expect((await later.choose(store, row(withVariants(true)), { id, step: 0 }, 2 * HOUR))?.variant.name).toBe("long");
  });

  it("without autoWinner, keeps drawing: the better one mostly, the other at least at the floor", async () => {
    const store = fakeStore(clear);
    const chooser = new VariantChooser("seed");
    const names: string[] = [];
    for (let id = 1; id <= 200; id++) names.push((await chooser.choose(store, row(withVariants()), { id, step: 0 }, 0))!.variant.name);
    expect(store.winners).toEqual([]);
    expect(names.filter((n) => n === "long").length).toBeGreaterThan(150);
  });

  it("with the even policy, splits evenly whatever the numbers, reading none", async () => {
    const store = { variantTallies: () => Promise.reject(new Error("not read")) } as unknown as Store;
    const chooser = new VariantChooser("seed", "even");
    const names: string[] = [];
    for (let id = 1; id <= 400; id++) names.push((await chooser.choose(store, row(withVariants(true)), { id, step: 0 }, 0))!.variant.name);
    const long = names.filter((n) => n === "long").length;
    expect(long).toBeGreaterThan(170);
    expect(long).toBeLessThan(230);
    expect(names).not.toContain("off");
  });

  it("never chooses a paused variant, and a step with one active variant needs no numbers", async () => {
    const only: TextVariant[] = [NOTES[0]!, { ...NOTES[1]!, paused: true }];
    const doc = campaignDoc({
      steps: [{ kind: "connect", after: 0, note: only[0]!.text, variants: only, noteFallback: "blank", withdrawAfter: null }],
    });
    const store = { variantTallies: () => Promise.reject(new Error("not read")) } as unknown as Store;
    expect((await new VariantChooser("s").choose(store, row(doc), { id: 1, step: 0 }, 0))?.variant.name).toBe("short");
    const plain = campaignDoc();
    expect(await new VariantChooser("s").choose(store, row(plain), { id: 1, step: 0 }, 0)).toBeNull();
  });
});

describe("previewing a step with variants", () => {
  it("shows the first variant's text and names a variant that cannot be sent for the person", async () => {
    const variants: TextVariant[] = [
      { name: "plain", text: "Hi {{ firstName }}" },
      { name: "event", text: "Hi {{ firstName }}, see you at {{ custom.event }}" },
    ];
    const step = { kind: "message" as const, after: 0, text: variants[0]!.text!, variants };
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [
      { prospect: prospect("ann", { firstName: "Ann" }) },
      { prospect: prospect("bo", { firstName: "Bo", custom: { event: "Expo" } }) },
    ]);
    const person = async (slug: string) =>
      (await h.app.store.getPerson(
        (await h.app.store.findPersonIds(1, [`https://www.linkedin.com/in/${slug}`])).get(`https://www.linkedin.com/in/${slug}`)!,
      ))!;
    const ann = renderStep(0, step, await person("ann"), accountDoc());
    expect(ann).toMatchObject({ text: "Hi Ann", sendable: false, problem: expect.stringMatching(/^variant event: .*event/) });
    expect(renderStep(0, step, await person("bo"), accountDoc())).toMatchObject({ text: "Hi Bo", sendable: true, problem: null });
  });
});
