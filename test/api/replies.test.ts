/**
 * Replies through the API: POST /v1/mark with a text, the runner's key r on a task (POST /v1/tasks/{id}/reply:
 * the task goes back unperformed and uncharged, the enrollment ends "replied"; with a campaign that goes on after
 * a reply, the task stays), GET /v1/replies with its filters and pages, the handled toggle, the activity export's
 * text column and the `replied` webhook's text.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNT, CAMPAIGN, seeded, type ApiHarness } from "./api-harness.js";

const JANE = "https://www.linkedin.com/in/jane-doe";
const JOE = "https://www.linkedin.com/in/joe-bloggs";

async function nextTask(h: ApiHarness, account = "alice"): Promise<{ actionId: number; kind: string; prospect: { url: string } }> {
  const r = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account });
  expect(r.body.type, r.text).toBe("task");
  return r.body.task;
}

describe("replies", () => {
  it("key r on a task: records the reply with its text, puts the task back uncharged and ends the sequence", async () => {
    const h = await seeded();
    const task = await nextTask(h);
    expect(task).toMatchObject({ kind: "connect", prospect: { url: JANE } });
    h.clock.advance(30_000);
    const r = await h.call(h.tokenA, "POST", `/v1/tasks/${task.actionId}/reply`, { text: "  Happy to chat next week.  " });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      actionId: task.actionId,
      released: true,
      ended: true,
      reply: { status: "applied", recorded: "replied", person: JANE, account: "alice", campaign: "q1", at: "2027-03-01T08:00:30Z" },
    });
    expect(r.body.reply.reply).toEqual({ id: expect.any(Number), text: "Happy to chat next week." });

    // Nothing was sent or charged; the enrollment is over; the task is no longer open.
    expect((await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations).toEqual([]);
    const jane = (await h.call(h.tokenA, "GET", "/v1/enrollments")).body.enrollments.find(
      (e: { prospect: { url: string } }) => e.prospect.url === JANE,
    );
    expect(jane).toMatchObject({ status: "done", endReason: "replied", repliedAt: "2027-03-01T08:00:30Z" });
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${task.actionId}/report`, { key: "d" })).status).toBe(409);
    h.clock.advance(5 * 60_000);
    expect((await nextTask(h)).prospect.url).toBe(JOE);

    // The same key again: the reply is on record, nothing more happens.
    const again = await h.call(h.tokenA, "POST", `/v1/tasks/${task.actionId}/reply`, {});
    expect(again.status).toBe(409);
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/999/reply`, {})).status).toBe(404);
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${task.actionId}/reply`, { text: "x".repeat(8001) })).status).toBe(422);
    expect((await h.call(h.tokenB, "POST", `/v1/tasks/${task.actionId}/reply`, {})).status).toBe(404);

    const listed = await h.call(h.tokenA, "GET", "/v1/replies");
    expect(listed.body).toEqual({
      replies: [
        {
          id: r.body.reply.reply.id,
          personId: jane.personId,
          at: "2027-03-01T08:00:30Z",
          account: "alice",
          campaign: "q1",
          prospect: { url: JANE, firstName: "Jane", lastName: "Doe", fullName: "Jane Doe", company: "Acme", title: "CTO" },
          text: "Happy to chat next week.",
          handled: false,
          handledAt: null,
        },
      ],
      page: { number: 1, perPage: 50, total: 1, next: null },
    });

    // The activity export's text column and the replied webhook carry the text.
    const activity = (await h.call(h.tokenA, "GET", "/v1/exports/activity?format=json")).body.activity;
    expect(activity.filter((a: { kind: string }) => a.kind === "replied")).toEqual([
      expect.objectContaining({ type: "event", kind: "replied", prospectUrl: JANE, text: "Happy to chat next week." }),
    ]);
    const notes = await h.store.readNotifications(1, 0, 100);
    expect(notes.filter((n) => n.kind === "replied").map((n) => n.data)).toEqual([
      { account: "alice", campaign: "q1", prospect: JANE, at: "2027-03-01T08:00:30Z", text: "Happy to chat next week." },
    ]);
  });

  it("key r on a task of a campaign that goes on after a reply: the reply is kept, the task stays to be done", async () => {
    const h = await seeded();
    await h.call(h.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, name: "bob" });
    await h.call(h.tokenA, "POST", "/v1/campaigns", {
      ...CAMPAIGN,
      name: "visits",
      account: "bob",
      stopOnReply: false,
      steps: [{ visit: {} }, { visit: { after: "1d" } }],
    });
    const csv = "profileUrl,firstName,lastName\nhttps://www.linkedin.com/in/ann-lee,Ann,Lee\n";
    expect((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=visits", csv, { "content-type": "text/csv" })).status).toBe(200);
    const task = await nextTask(h, "bob");
    expect(task.kind).toBe("visit");
    const r = await h.call(h.tokenA, "POST", `/v1/tasks/${task.actionId}/reply`, {});
    expect(r.body).toMatchObject({ released: false, ended: false, reply: { status: "applied", reply: { text: null } } });
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${task.actionId}/report`, { key: "d" })).status).toBe(200);
    const ann = (await h.call(h.tokenA, "GET", "/v1/enrollments?campaign=visits")).body.enrollments[0];
    expect(ann).toMatchObject({ status: "ready", repliedAt: "2027-03-01T08:00:00Z" });
  });

  it("POST /v1/mark keeps the text; GET /v1/replies filters and pages; handled toggles; 404 and 422", async () => {
    const h = await seeded();
    const marked = await h.call(h.tokenA, "POST", "/v1/mark", { person: JANE, outcome: "replied", text: "Not interested" });
    expect(marked.body).toMatchObject({ status: "applied", reply: { text: "Not interested" } });
    h.clock.advance(60_000);
    await h.call(h.tokenA, "POST", "/v1/mark", { person: JOE, outcome: "replied" });
    // A text given later fills in the reply on record.
    const filled = await h.call(h.tokenA, "POST", "/v1/mark", { person: JOE, outcome: "replied", text: "Call me" });
    expect(filled.body).toMatchObject({
      status: "applied",
      message: expect.stringContaining("the reply's text recorded"),
      reply: { text: "Call me" },
    });
    expect((await h.call(h.tokenA, "POST", "/v1/mark", { person: JOE, outcome: "replied", text: "Other" })).body).toMatchObject({
      status: "already",
      reply: { text: "Call me" },
    });
    const bad = await h.call(h.tokenA, "POST", "/v1/mark", { person: JANE, outcome: "accepted", text: "hm" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "text", message: expect.stringContaining("goes with replied") }]);

    const page1 = await h.call(h.tokenA, "GET", "/v1/replies?perPage=1");
    expect(page1.body.replies.map((r: { text: string }) => r.text)).toEqual(["Call me"]);
    expect(page1.body.page).toEqual({ number: 1, perPage: 1, total: 2, next: 2 });
    const janeReply = (await h.call(h.tokenA, "GET", "/v1/replies?perPage=1&page=2")).body.replies[0];
    expect(janeReply).toMatchObject({ text: "Not interested", handled: false });

    const handled = await h.call(h.tokenA, "POST", `/v1/replies/${janeReply.id}/handled`, { handled: true });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ id: janeReply.id, handled: true, handledAt: "2027-03-01T08:01:00Z" });
    h.clock.advance(60_000);
    expect((await h.call(h.tokenA, "POST", `/v1/replies/${janeReply.id}/handled`, { handled: true })).body.handledAt).toBe(
      "2027-03-01T08:01:00Z",
    );
    const open = await h.call(h.tokenA, "GET", "/v1/replies?handled=false");
    expect(open.body.replies.map((r: { prospect: { url: string } }) => r.prospect.url)).toEqual([JOE]);
    expect((await h.call(h.tokenA, "GET", "/v1/replies?handled=true&account=alice&campaign=q1")).body.page.total).toBe(1);
    expect((await h.call(h.tokenA, "POST", `/v1/replies/${janeReply.id}/handled`, { handled: false })).body).toMatchObject({
      handled: false,
      handledAt: null,
    });
    expect((await h.call(h.tokenA, "GET", "/v1/replies?handled=false")).body.page.total).toBe(2);

    expect((await h.call(h.tokenA, "POST", "/v1/replies/999/handled", { handled: true })).status).toBe(404);
    expect((await h.call(h.tokenA, "POST", `/v1/replies/${janeReply.id}/handled`, { handled: "yes" })).status).toBe(422);
    expect((await h.call(h.tokenA, "GET", "/v1/replies?handled=maybe")).status).toBe(422);
    expect((await h.call(h.tokenA, "GET", "/v1/replies?account=nobody")).status).toBe(404);
    expect((await h.call(h.tokenB, "POST", `/v1/replies/${janeReply.id}/handled`, { handled: true })).status).toBe(404);
  });

  it("documents the reply routes with named schemas", async () => {
    const h = await seeded();
    const doc = (await h.call(h.tokenA, "GET", "/openapi.json")).body;
    const ref = (path: string, method: string) => doc.paths[path][method].responses["200"].content["application/json"].schema.$ref;
    expect(ref("/v1/replies", "get")).toBe("#/components/schemas/ReplyList");
    expect(ref("/v1/replies/{id}/handled", "post")).toBe("#/components/schemas/Reply");
    expect(ref("/v1/tasks/{id}/reply", "post")).toBe("#/components/schemas/TaskReplyResult");
    expect(Object.keys(doc.paths["/v1/replies/{id}/handled"].post.responses)).toEqual(expect.arrayContaining(["404", "422"]));
    expect(Object.keys(doc.paths["/v1/tasks/{id}/reply"].post.responses)).toEqual(expect.arrayContaining(["404", "409", "422"]));
  });
});
