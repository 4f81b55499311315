/**
 * Forgetting a person (engine/forget.ts, store/forget.ts) on every backend: after it, no table holds their name
 * or any of their identifiers (every column of every row, read from the database's own catalog), another
 * person's data is intact, a re-import of the same CSV refuses them as suppressed with their line, a dry run
 * writes nothing, the run goes on without them and the event log keeps its invariants; a task someone holds
 * for them refuses the erasure, one nobody held is put back.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { loadGovernorState } from "../../src/core/governor/index.js";
import { DAY, MINUTE, VirtualClock, parseInstant } from "../../src/core/time.js";
import { forgetJson, forgetPerson } from "../../src/engine/forget.js";
import { enrollItems } from "../../src/engine/import-report.js";
import { readProspectCsv } from "../../src/io/prospect-csv/read-prospect-csv.js";
import { storeBackends, type StoreBackend, type TestDatabase } from "../store/backends.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { backendHarness, dumpTables, eventLog, invariantViolations, LaterChannel } from "../support/backend-harness.js";
import { ScriptedChannel } from "../support/harness.js";

const at = (iso: string): number => parseInstant(iso) as number;
const ZEB = "https://www.linkedin.com/in/zebediah-quxblorft-7f3k";
const ANN = "https://www.linkedin.com/in/annabel-otherperson";
/** Everything that names the forgotten person: first, last and full name, URL slug, email. */
const TRACE = /zebediah|quxblorft|7f3k|zq-private-mail/i;
const CSV = [
  "profileUrl,firstName,lastName,company,email",
  `${ZEB},Zebediah,Quxblorft,Acme,zeb@zq-private-mail.example`,
  `${ANN},Annabel,Otherperson,Beta,ann@beta.example`,
].join("\n");
const campaign = () =>
  campaignDoc({
    name: "c1",
    stopOnReply: false, // Zebediah's reply keeps his invitation pending: it is to be withdrawn by hand
    steps: [
      { kind: "visit", after: 0 },
      { kind: "connect", after: DAY, note: "Hi {{ firstName }} {{ lastName }}!", noteFallback: "blank", withdrawAfter: 5 * DAY },
      { kind: "message", after: DAY, text: "Thanks {{ firstName }}" },
    ],
  });

describe.each(storeBackends())("forget on $name", (backend: StoreBackend) => {
  let db: TestDatabase;
  let clock: VirtualClock;
  let channel: ScriptedChannel;
  let app: App;
  let runUntil: (iso: string) => Promise<void>;
  beforeEach(async (ctx) => {
    ({ db, clock, channel, app, runUntil } = await backendHarness(backend, ctx, accountDoc(), [campaign()]));
  });

  const importCsv = (a: App) => a.enroll("c1", enrollItems(readProspectCsv(Buffer.from(CSV), "leads.csv")));

  it("erases every trace of the person on the catalog's every table, keeps the other, and refuses them at re-import", async () => {
    const first = await importCsv(app);
    expect(first.filter((r) => r.status === "enrolled")).toHaveLength(2);
    await runUntil("2027-03-02T18:00:00Z");
    expect(channel.requests.filter((r) => r.kind === "connect")).toHaveLength(2);
    // Zebediah replied (a reply, a notification, a log event); Ann accepted. A webhook has deliveries queued.
    await app.recordNetworkEvent({ at: at("2027-03-02T18:00:00Z"), kind: "replied", account: "alice", prospect: ZEB });
    await app.recordNetworkEvent({ at: at("2027-03-02T18:05:00Z"), kind: "accepted", account: "alice", prospect: ANN });
    const hook = await app.store.insertWebhook({
      workspaceId: app.ctx.workspaceId,
      url: "https://hooks.example/x",
      events: ["accepted", "replied"] as never,
      secret: "s",
      createdAt: clock.now(),
    });
    const notes = await app.store.readNotifications(app.ctx.workspaceId, 0, 100);
    await app.store.insertDeliveries(
      notes.map((n) => ({
        webhookId: hook.id,
        notificationId: n.id,
        deliveryId: `d${n.id}`,
        nextAttemptAt: clock.now(),
        createdAt: clock.now(),
      })),
    );
    // An earlier import refused them from another campaign, under another spelling of their URL.
    const c1 = await app.campaign("c1");
    await app.store.recordUnreachable({
      workspaceId: app.ctx.workspaceId,
      campaignId: c1.id,
      prospect: "http://linkedin.com/in/Zebediah-Quxblorft-7f3k/",
      reason: "never reachable",
      at: clock.now(),
    });
    const before = await dumpTables(db, backend.name);
    expect(before.persons).toMatch(TRACE);
    expect(before.webhook_deliveries).toMatch(/d\d/);

    // A dry run says what would go and writes nothing.
    const dry = await forgetPerson(app.ctx, { url: "linkedin.com/in/zebediah-quxblorft-7f3k/details/experience" }, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, erased: { persons: 1, enrollments: 1, replies: 1, unreachable: 1 } });
    expect(await dumpTables(db, backend.name)).toEqual(before);

    const account = (await app.store.getAccount(app.ctx.workspaceId, "alice"))!;
    const pendingBefore = loadGovernorState(account.state).pending;
    const out = await forgetPerson(app.ctx, { url: ZEB });
    expect(out.erased).toMatchObject({ persons: 1, identifiers: 1, enrollments: 1, replies: 1, unreachable: 1, suppressionEntries: 0 });
    expect(out.erased.logRows).toBeGreaterThanOrEqual(3); // visit, connect, replied
    expect(out.erased.notifications).toBeGreaterThanOrEqual(1);
    expect(out.erased.webhookDeliveries).toBe(out.erased.notifications);
    expect(out.hashes).toEqual({ added: 2, alreadyListed: 0 }); // the profile URL and the email
    expect(out.withdrawByHand).toEqual([{ account: "alice", campaign: "c1", invitedAt: expect.any(Number) }]);
    expect(forgetJson(out).summary).toMatch(/withdraw by hand on LinkedIn the invitation account alice sent on 2027-03-02/);
    // The governor no longer counts their invitation as pending; its times stay.
    expect(loadGovernorState((await app.store.getAccountById(account.id))!.state).pending).toBe(pendingBefore - 1);

    const after = await dumpTables(db, backend.name);
    for (const [table, rows] of Object.entries(after)) expect(rows, table).not.toMatch(TRACE);
    expect(after.persons).toMatch(/Annabel/);
    expect(after.person_identifiers).toMatch(/annabel-otherperson/);
    expect(after.enrollments).toMatch(/Hi Annabel Otherperson!/);
    expect(after.suppressions).toMatch(/"hash"/);
    // The account's past actions stay, anonymous: 2 visits and 2 connects.
    const actions = await app.store.accountActions(account.id, 0, at("2030-01-01T00:00:00Z"));
    expect(actions.map((a) => a.kind).sort()).toEqual(["connect", "connect", "visit", "visit"]);

    // Nobody by that name again: a re-import of the same file refuses them, with their line.
    const again = await importCsv(app);
    const zeb = again.find((r) => r.line === 2);
    expect(zeb).toMatchObject({ status: "refused", reason: expect.stringMatching(/suppressed/) });
    const dump = await dumpTables(db, backend.name);
    for (const [table, rows] of Object.entries(dump)) expect(rows, table).not.toMatch(TRACE);

    // The run goes on for Ann alone and the event log keeps its invariants.
    const sent = channel.requests.length;
    await runUntil("2027-03-12T00:00:00Z");
    expect(channel.requests.slice(sent).map((r) => `${r.kind} ${r.prospect.url}`)).toEqual([`message ${ANN}`]);
    const entries = await eventLog(app);
    expect(JSON.stringify(entries)).not.toMatch(TRACE);
    expect(invariantViolations(entries, accountDoc(), [campaign()], at("2027-03-12T00:00:00Z"))).toEqual([]);
  });

  it("replaces a do-not-contact entry naming them by a hash, and answers for a URL nobody has", async () => {
    await app.createCampaign({ ...campaign(), name: "c2", stopOnReply: true });
    await app.enroll("c2", enrollItems(readProspectCsv(Buffer.from(CSV), "leads.csv")));
    await runUntil("2027-03-02T18:00:00Z");
    // Ended by his reply while his invitation was pending: still to withdraw by hand.
    await app.recordNetworkEvent({ at: at("2027-03-02T18:00:00Z"), kind: "replied", account: "alice", prospect: ZEB });
    expect((await forgetPerson(app.ctx, { url: ZEB }, { dryRun: true })).withdrawByHand).toEqual([
      { account: "alice", campaign: "c2", invitedAt: expect.any(Number) },
    ]);
    await app.store.transaction((tx) =>
      tx.addSuppressions(app.ctx.workspaceId, [{ kind: "profile", value: ZEB, input: ZEB, reason: "Zebediah said no" }], clock.now()),
    );
    const out = await forgetPerson(app.ctx, { url: ZEB });
    expect(out.erased.suppressionEntries).toBe(1);
    const dump = await dumpTables(db, backend.name);
    expect(dump.suppressions).not.toMatch(TRACE);
    await expect(forgetPerson(app.ctx, { url: "not a url" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(forgetPerson(app.ctx, { personId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
    const nobody = await forgetPerson(app.ctx, { url: "https://www.linkedin.com/in/never-seen" });
    expect(nobody).toMatchObject({ person: null, erased: { persons: 0 }, hashes: { added: 1 } });
    const again = await importCsv(app);
    expect(again.find((r) => r.line === 2)).toMatchObject({ status: "refused" });
  });

  it("puts back a task nobody held, and refuses while a runner holds one for them", async () => {
    const later = new App({ store: db.store, channel: new LaterChannel(), clock });
    await importCsv(later);
    clock.set(at("2027-03-01T09:00:00Z"));
    await later.engine.tick(clock.now());
    const account = (await later.store.getAccount(later.ctx.workspaceId, "alice"))!;
    const [task] = await later.store.openTasks(account.id);
    expect(task).toBeDefined();
    const mine = task!.prospect === ZEB;
    const target = mine ? ZEB : ANN;
    const out = await forgetPerson(later.ctx, { url: target });
    expect(out.releasedTasks).toBe(1);
    expect(await later.store.openTasks(account.id)).toEqual([]);

    const other = mine ? ANN : ZEB;
    clock.set(clock.now() + 10 * MINUTE);
    const request = await later.engine.claimForRunner(account.id, clock.now(), { by: "runner", until: clock.now() + 10 * MINUTE });
    expect(request?.prospect.url).toBe(other);
    const refused = forgetPerson(later.ctx, { url: other });
    await expect(refused).rejects.toMatchObject({ code: "conflict" });
    await expect(refused).rejects.toThrow(/held by runner.*answer or skip it first/);
    expect((await later.engine.recordResult(request!.actionId, "ok", clock.now())).type).toBe("recorded");
    await expect(forgetPerson(later.ctx, { url: other })).resolves.toMatchObject({ erased: { persons: 1 } });
  });
});
