/** POST /v1/tasks/{id}/release (the runner page's quit) and the server time on /v1/tasks/next answers. */
import { describe, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { seeded } from "./api-harness.js";

describe("POST /v1/tasks/{id}/release", () => {
  it("lets another runner take the task at once, as the terminal runner's quit does, with nothing recorded", async () => {
    const h = await seeded();
    const other = (await createToken(h.store, { workspaceId: 1, name: "second-runner", now: h.clock.now() })).token;
    const first = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    expect(first.body).toMatchObject({ type: "task", at: "2027-03-01T08:00:00Z", recovered: false });
    const id = first.body.task.actionId as number;

    const held = await h.call(other, "POST", "/v1/tasks/next", { account: "alice" });
    expect(held.body).toMatchObject({ type: "held", at: "2027-03-01T08:00:00Z" });

    const released = await h.call(h.tokenA, "POST", `/v1/tasks/${id}/release`);
    expect(released.status).toBe(200);
    expect(released.body).toEqual({ actionId: id, released: true });
    // It was on screen: the owner may have done it before quitting, so the next runner asks, and keeps asking.
    const taken = await h.call(other, "POST", "/v1/tasks/next", { account: "alice" });
    expect(taken.body).toMatchObject({ type: "task", recovered: true, task: { actionId: id } });
    expect((await h.call(other, "POST", "/v1/tasks/next", { account: "alice" })).body).toMatchObject({
      recovered: true,
      task: { actionId: id },
    });

    // Releasing someone else's task changes nothing: it stays with the runner that holds it.
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${id}/release`)).body).toEqual({ actionId: id, released: false });
    expect((await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" })).body.type).toBe("held");

    // Once recorded, there is nothing to release.
    expect((await h.call(other, "POST", `/v1/tasks/${id}/report`, { key: "d" })).status).toBe(200);
    expect((await h.call(other, "POST", `/v1/tasks/${id}/release`)).body).toEqual({ actionId: id, released: false });
    const invitations = await h.call(h.tokenA, "GET", "/v1/invitations");
    expect(invitations.body.invitations).toHaveLength(1);
  });
});
