/** The engine's adapter of the state machine: it writes a transition's change and effects, and nothing on an illegal move. */
import { describe, expect, it } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { DAY, parseInstant } from "../../src/core/time.js";
import { applyResult } from "../../src/engine/apply-result.js";
import { CampaignCache, type EngineContext } from "../../src/engine/context.js";
import { applyTransition } from "../../src/engine/transitions.js";
import type { AccountRow, ActionLogRow, EnrollmentRow, Store } from "../../src/store/store.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { newEnrollment } from "../store/fixtures.js";

const NOW = parseInstant("2027-03-10T10:00:00Z") as number;
const account = accountDoc();
const campaign = campaignDoc();

function recordingStore(): { store: Store; writes: Array<[string, number, unknown]> } {
  const writes: Array<[string, number, unknown]> = [];
  const store = {
    updateEnrollment: async (id: number, patch: unknown) => void writes.push(["enrollment", id, patch]),
    updatePerson: async (id: number, patch: unknown) => void writes.push(["person", id, patch]),
    getCampaignById: async (id: number) => ({
      id,
      workspaceId: 1,
      name: "c1",
      accountId: 1,
      doc: campaign,
      status: "active",
      createdAt: 0,
    }),
  } as unknown as Store;
  return { store, writes };
}

const enrollment = (over: Partial<EnrollmentRow>): EnrollmentRow => ({
  id: 5,
  ...newEnrollment({ campaignId: 1, accountId: 1, personId: 8 }, over),
});

describe("applyTransition", () => {
  it("writes the person's effect, then the enrollment's change", async () => {
    const { store, writes } = recordingStore();
    const e = enrollment({ status: "in_flight", step: 2, nextKind: "withdraw", invitedAt: NOW - 30 * DAY, leaseActionId: 3 });
    await applyTransition({ store, account, campaign, now: NOW }, e, { type: "performed", kind: "withdraw", result: "ok", note: "" });
    expect(writes).toEqual([
      ["person", 8, { lastWithdrawnAt: NOW }],
      ["enrollment", 5, expect.objectContaining({ status: "done", endReason: "withdrawn", withdrawnAt: NOW, leaseActionId: null })],
    ]);
  });

  it("throws an internal error naming the enrollment and the move, and writes nothing, on an illegal move", async () => {
    const { store, writes } = recordingStore();
    const e = enrollment({ status: "done", endReason: "completed" });
    const error = await applyTransition({ store, account, campaign, now: NOW }, e, { type: "claimed", actionId: 9 }).catch(
      (x: unknown) => x,
    );
    expect(error).toBeInstanceOf(LinkpaceError);
    expect(error).toMatchObject({
      code: "internal",
      message: expect.stringMatching(/^enrollment 5: an enrollment that is done cannot take the event claimed/),
    });
    expect(writes).toEqual([]);
  });
});

describe("applyResult", () => {
  const ctxFor = (store: Store): EngineContext =>
    ({ store, workspaceId: 1, campaigns: new CampaignCache(store) }) as unknown as EngineContext;
  const action: ActionLogRow = {
    id: 42,
    workspaceId: 1,
    at: NOW,
    type: "action",
    accountId: 1,
    campaignId: 1,
    personId: 8,
    enrollmentId: 5,
    prospect: null,
    prospectTz: "Europe/Berlin",
    kind: "visit",
    note: null,
    text: null,
    result: "ok",
  };
  const accountRow = {
    id: 1,
    workspaceId: 1,
    name: "alice",
    doc: account,
    state: null,
    wakeAt: null,
    createdAt: 0,
  } as unknown as AccountRow;

  it("applies an inline claim and its result in one write", async () => {
    const { store, writes } = recordingStore();
    await applyResult(store, ctxFor(store), { action, account: accountRow, enrollment: enrollment({}), result: "ok", claimed: true });
    expect(writes).toEqual([
      ["enrollment", 5, expect.objectContaining({ status: "ready", step: 1, nextKind: "connect", visitedAt: NOW, leaseActionId: null })],
    ]);
  });

  it("refuses a result for an enrollment that was not in flight (and not claimed with it)", async () => {
    const { store, writes } = recordingStore();
    await expect(
      applyResult(store, ctxFor(store), { action, account: accountRow, enrollment: enrollment({}), result: "ok" }),
    ).rejects.toThrow(/cannot take the event performed/);
    expect(writes).toEqual([]);
  });
});
