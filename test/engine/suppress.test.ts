/**
 * The do-not-contact list in the engine (engine/suppress.ts): imports refuse matching rows with the entry in
 * the reason and leave no trace of them; hash entries (an erased person) match by identifier and email; adding
 * entries ends every enrolled match in the same transaction, makes pending invitations' withdrawal due now, puts
 * back a task nobody held, and lets a held one finish without a further step.
 */
import { describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { AssistedChannel } from "../../src/channels/assisted/assisted-channel.js";
import { DAY, MINUTE, VirtualClock, parseInstant } from "../../src/core/time.js";
import {
  addSuppressions,
  identifierHash,
  suppressIdentifierHashes,
  suppressionEntries,
  type SuppressionInput,
} from "../../src/engine/suppress.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { EnrollmentRow } from "../../src/store/store.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";

const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const add = (app: App, inputs: SuppressionInput[], reason: string | null = null) =>
  addSuppressions(
    app.ctx,
    suppressionEntries(inputs, reason, (i) => `entry ${i + 1}`),
  );

async function enrollmentOf(app: App, slug: string): Promise<EnrollmentRow> {
  const id = (await app.store.findPersonIds(1, [url(slug)])).get(url(slug)) as number;
  return (await app.store.latestEnrollment((await app.account("alice")).id, id)) as EnrollmentRow;
}

describe("an import against the do-not-contact list", () => {
  it("refuses each matching row with its line and the entry, and writes nothing of them", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    const added = await add(h.app, [
      { kind: "company", input: "Acme, Inc." },
      { kind: "domain", input: "www.globex.com" },
      { kind: "profile", input: "linkedin.com/in/Carl/" },
    ]);
    expect(added.entries.map((e) => [e.entry.kind, e.entry.value, e.added])).toEqual([
      ["company", "acme", true],
      ["domain", "globex.com", true],
      ["profile", url("carl"), true],
    ]);
    const [acme, globex, carl] = added.entries.map((e) => e.entry.id);
    const results = await h.app.enroll("c1", [
      { line: 2, prospect: prospect("anna", { company: "ACME GmbH" }) },
      { line: 3, prospect: prospect("bob", { company: "Initech", custom: { "Work Email": "bob@eu.globex.com" } }) },
      { line: 4, prospect: prospect("carl", { company: "Initech" }) },
      { line: 5, prospect: prospect("dora", { company: "Initech", custom: { Website: "https://initech.com" } }) },
      { line: 6, prospect: prospect("ed", { company: "Hooli", custom: { "Company Website": "globex.com/about" } }) },
    ]);
    expect(results).toEqual([
      { line: 2, status: "refused", person: url("anna"), reason: `suppressed (company "Acme, Inc.", entry ${acme})` },
      { line: 3, status: "refused", person: url("bob"), reason: `suppressed (domain "www.globex.com", entry ${globex})` },
      { line: 4, status: "refused", person: url("carl"), reason: `suppressed (profile "linkedin.com/in/Carl/", entry ${carl})` },
      expect.objectContaining({ line: 5, status: "enrolled", person: url("dora") }),
      { line: 6, status: "refused", person: url("ed"), reason: `suppressed (domain "www.globex.com", entry ${globex})` },
    ]);
    expect([...(await h.app.store.findPersonIds(1, ["anna", "bob", "carl", "ed"].map(url))).keys()]).toEqual([]);
  });

  it("refuses an erased person by the salted hashes of their identifiers, which keep no identifier in clear", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    const out = await suppressIdentifierHashes(h.app.ctx, h.app.store, 1, [url("erin"), "Erin@Example.com"]);
    expect(out.entries.every((e) => e.added && e.entry.kind === "hash" && /^[0-9a-f]{64}$/.test(e.entry.value))).toBe(true);
    const salt = await h.app.store.suppressionSalt(1);
    expect(out.entries.map((e) => e.entry.value)).toEqual([identifierHash(salt, url("erin")), identifierHash(salt, "erin@example.com")]);
    const listed = JSON.stringify(await h.app.store.allSuppressions(1));
    expect(listed).not.toMatch(/erin/i);
    const results = await h.app.enroll("c1", [
      { line: 2, prospect: prospect("erin") },
      { line: 3, prospect: prospect("someone-else", { custom: { email: "ERIN@example.com" } }) },
      { line: 4, prospect: prospect("frank", { custom: { email: "frank@example.com" } }) },
    ]);
    const [byUrl, byEmail] = out.entries.map((e) => e.entry.id);
    expect(results.map((r) => (r.status === "refused" ? r.reason : r.status))).toEqual([
      `suppressed (a person erased earlier, entry ${byUrl})`,
      `suppressed (a person erased earlier, entry ${byEmail})`,
      "enrolled",
    ]);
  });

  it("treats the same entry added again as one, keeping the first", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await add(h.app, [{ kind: "company", input: "Acme" }], "customer");
    const again = await add(h.app, [{ kind: "company", input: "ACME Ltd" }], "other");
    expect(again.entries).toEqual([{ entry: expect.objectContaining({ input: "Acme", reason: "customer" }), added: false }]);
    expect(() => suppressionEntries([{ kind: "domain", input: "nope" }], null, (i) => `line ${i + 2}`)).toThrow(
      /line 2: "nope" is not a domain/,
    );
  });
});

describe("adding entries while people are enrolled", () => {
  it("ends the ready ones now and withdraws pending invitations in working hours, then ends them", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [
      { prospect: prospect("anna", { company: "Acme Inc" }) },
      { prospect: prospect("bob", { company: "Initech" }) },
    ]);
    await h.runUntil("2027-03-04T00:00:00Z");
    expect((await enrollmentOf(h.app, "anna")).status).toBe("invited");
    await h.app.enroll("c1", [{ prospect: prospect("carl", { company: "acme" }) }]);
    expect((await enrollmentOf(h.app, "carl")).status).toBe("ready");

    const out = await add(h.app, [{ kind: "company", input: "ACME" }], "customer");
    expect(out).toMatchObject({ ended: 1, withdrawals: 1, awaitingResult: 0 });
    expect(await enrollmentOf(h.app, "carl")).toMatchObject({ status: "done", endReason: "suppressed" });
    const anna = await enrollmentOf(h.app, "anna");
    expect(anna).toMatchObject({ status: "invited", nextKind: "withdraw", readyAt: h.clock.now(), stopReason: "suppressed" });

    // 2027-03-04T00:00Z is outside alice's hours: the withdrawal waits for them (08:00 Paris), then the end.
    const before = h.channel.requests.length;
    await h.runUntil("2027-03-12T00:00:00Z");
    const after = h.channel.requests.slice(before);
    const annas = after.filter((r) => r.prospect.url === url("anna"));
    expect(annas.map((r) => r.kind)).toEqual(["withdraw"]);
    expect(parseInstant("2027-03-04T07:00:00Z") as number).toBeLessThanOrEqual(annas[0]?.at as number);
    expect(after.some((r) => r.prospect.url === url("carl"))).toBe(false);
    expect(await enrollmentOf(h.app, "anna")).toMatchObject({ status: "done", endReason: "suppressed" });
    expect((await enrollmentOf(h.app, "bob")).endReason).not.toBe("suppressed");
  });

  it("puts back a task nobody held, and lets a held one finish with no step after it", async () => {
    const clock = new VirtualClock(parseInstant("2027-03-01T09:00:00Z") as number);
    const app = new App({ store: await openSqliteStore(":memory:"), channel: new AssistedChannel(), clock });
    await app.addAccount(accountDoc());
    await app.createCampaign(campaignDoc());
    await app.enroll("c1", [{ prospect: prospect("anna") }, { prospect: prospect("bob") }]);
    const accountId = (await app.account("alice")).id;

    // Handed out to nobody yet (the engine's pass): put back unperformed, and the enrollment ends now.
    await app.engine.tick(clock.now());
    const [unheld] = await app.store.openTasks(accountId);
    expect(unheld).toMatchObject({ claimedBy: null, leaseUntil: null });
    const first = unheld?.prospect === url("anna") ? "anna" : "bob";
    const second = first === "anna" ? "bob" : "anna";
    const out = await add(app, [{ kind: "profile", input: url(first) }]);
    expect(out).toMatchObject({ ended: 1, withdrawals: 0, awaitingResult: 0 });
    expect(await app.store.openTasks(accountId)).toEqual([]);
    expect(await app.store.getReleasedAction(unheld?.id as number)).toMatchObject({ reason: "released" });
    expect(await enrollmentOf(app, first)).toMatchObject({ status: "done", endReason: "suppressed", leaseActionId: null });

    // Held by a runner: it may be being performed. Its result is recorded, and nothing follows it.
    clock.set(clock.now() + 5 * MINUTE);
    const held = await app.engine.claimForRunner(accountId, clock.now(), { by: "runner-1", until: clock.now() + 10 * MINUTE });
    expect(held?.prospect.url).toBe(url(second));
    const later = await add(app, [{ kind: "profile", input: url(second) }]);
    expect(later).toMatchObject({ ended: 0, withdrawals: 0, awaitingResult: 1 });
    expect(await enrollmentOf(app, second)).toMatchObject({ status: "in_flight", stopReason: "suppressed" });
    expect((await app.engine.recordResult(held?.actionId as number, "ok", clock.now())).type).toBe("recorded");
    expect(await enrollmentOf(app, second)).toMatchObject({ status: "done", endReason: "suppressed", visitedAt: clock.now() });
    clock.set(clock.now() + 3 * DAY);
    expect(await app.engine.claimForRunner(accountId, clock.now(), { by: "runner-1", until: clock.now() + 10 * MINUTE })).toBeNull();
  });

  it("withdraws now an invitation a held task sent after the person was put on the list", async () => {
    const clock = new VirtualClock(parseInstant("2027-03-01T09:00:00Z") as number);
    const app = new App({ store: await openSqliteStore(":memory:"), channel: new AssistedChannel(), clock });
    await app.addAccount(accountDoc());
    const connect = { kind: "connect" as const, after: 0, note: "Hi", noteFallback: "blank" as const, withdrawAfter: 21 * DAY };
    await app.createCampaign(campaignDoc({ steps: [connect, { kind: "message", after: DAY, text: "Thanks" }] }));
    await app.enroll("c1", [{ prospect: prospect("anna") }]);
    const accountId = (await app.account("alice")).id;
    const held = await app.engine.claimForRunner(accountId, clock.now(), { by: "runner-1", until: clock.now() + 10 * MINUTE });
    expect(held?.kind).toBe("connect");
    expect(await add(app, [{ kind: "profile", input: url("anna") }])).toMatchObject({ awaitingResult: 1 });
    clock.set(clock.now() + MINUTE);
    expect((await app.engine.recordResult(held?.actionId as number, "ok", clock.now())).type).toBe("recorded");
    const anna = await enrollmentOf(app, "anna");
    expect(anna).toMatchObject({ status: "invited", nextKind: "withdraw", stopReason: "suppressed" });
    expect(anna.readyAt).toBeLessThanOrEqual(clock.now()); // not the campaign's 21 days
  });
});
