/** The stop, delete and remove routes: what they answer, the 409s that say what is left, and the enrollment's stopReason. */
import { describe, expect, it } from "vitest";
import { DAY } from "../../src/core/time.js";
import { seeded } from "./api-harness.js";

describe("stop, delete and remove over the API", () => {
  it("removes a prospect, stops the campaign, refuses deletes while the withdrawal is pending, then deletes", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(claim.body.kind, claim.text).toBe("connect");
    expect((await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" })).status).toBe(200);
    const list = async () =>
      (await h.call(h.tokenA, "GET", "/v1/enrollments?campaign=q1")).body.enrollments as Array<{
        id: number;
        status: string;
        stopReason: string | null;
        endReason: string | null;
        prospect: { url: string };
      }>;
    const invited = (await list()).find((e) => e.status === "invited")!;

    const removed = await h.call(h.tokenA, "POST", `/v1/enrollments/${invited.id}/remove`);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toMatchObject({
      person: { url: invited.prospect.url },
      enrollments: [{ enrollmentId: invited.id, campaign: "q1", outcome: "withdrawal", at: expect.stringMatching(/^2027-03-2/) }],
      summary: expect.stringMatching(/still withdrawn on schedule/),
    });
    expect((await list()).find((e) => e.id === invited.id)).toMatchObject({ status: "invited", stopReason: "removed" });

    const stop = await h.call(h.tokenA, "POST", "/v1/campaigns/q1/stop");
    expect(stop.status, stop.text).toBe(200);
    expect(stop.body).toMatchObject({
      campaign: { status: "stopped" },
      changed: true,
      enrollments: { ended: 1, withdrawals: 1, tasks: 0 },
    });
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns/q1/resume")).status).toBe(409);

    const early = await h.call(h.tokenA, "DELETE", "/v1/campaigns/q1");
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/1 pending invitation still to withdraw \(the last is due 2027-03-2/);
    const account = await h.call(h.tokenA, "DELETE", "/v1/accounts/alice");
    expect(account.status).toBe(409);
    expect(account.body.detail).toMatch(/account alice cannot be removed yet: 1 pending invitation/);

    h.clock.advance(22 * DAY);
    const withdraw = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(withdraw.body.kind, withdraw.text).toBe("withdraw");
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: withdraw.body.actionId, result: "ok" });
    expect((await list()).map((e) => e.endReason).sort()).toEqual(["removed", "stopped"]);

    const deleted = await h.call(h.tokenA, "DELETE", "/v1/campaigns/q1");
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body).toMatchObject({ campaign: "q1", removed: { enrollments: 2, logRows: 2, campaigns: 1 } });
    const gone = await h.call(h.tokenA, "DELETE", "/v1/accounts/alice");
    expect(gone.status, gone.text).toBe(200);
    expect(gone.body).toMatchObject({ account: "alice", removed: { logRows: 2 } });
    expect((await h.call(h.tokenA, "GET", "/v1/accounts")).body.accounts).toEqual([]);
  });
});
