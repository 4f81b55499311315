/**
 * POST /v1/campaigns/preview: each template rendered for real prospects by the engine's own functions, the
 * account's note limit, unsendable texts with the engine's reason; validation as POST /v1/campaigns.
 */
import { describe, expect, it } from "vitest";
import { CampaignPreviewSchema } from "../../src/api/routes/campaign-preview.js";
import { ACCOUNT, apiHarness, CAMPAIGN, LEADS, seeded } from "./api-harness.js";

const JANE = "https://www.linkedin.com/in/jane-doe";
const JOE = "https://www.linkedin.com/in/joe-bloggs";

describe("POST /v1/campaigns/preview", () => {
  it("renders each step for the campaign's prospects, and flags a prospect missing a printed field", async () => {
    const h = await seeded();
    const definition = {
      ...CAMPAIGN,
      steps: [
        { visit: {} },
        { connect: { note: "Hi {{ firstName }} at {{ company }}!" } },
        { message: { text: "Thanks {{ firstName }}" } },
      ],
    };
    const r = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition });
    expect(r.status).toBe(200);
    expect(r.body.noteLimit).toBe(200); // alice is a free account
    expect(r.body.source).toBe("campaign");
    expect(r.body.steps).toEqual([
      { step: 0, kind: "visit", template: null },
      { step: 1, kind: "connect", template: "Hi {{ firstName }} at {{ company }}!" },
      { step: 2, kind: "message", template: "Thanks {{ firstName }}" },
    ]);
    expect(r.body.prospects).toEqual([
      {
        url: JANE,
        firstName: "Jane",
        lastName: "Doe",
        fullName: "Jane Doe",
        company: "Acme",
        title: "CTO",
        renders: [
          { step: 0, kind: "visit", text: null, chars: 0, sendable: true, problem: null },
          { step: 1, kind: "connect", text: "Hi Jane at Acme!", chars: 16, sendable: true, problem: null },
          { step: 2, kind: "message", text: "Thanks Jane", chars: 11, sendable: true, problem: null },
        ],
      },
      {
        url: JOE,
        firstName: "Joe",
        lastName: "Bloggs",
        fullName: "Joe Bloggs",
        company: "",
        title: "VP",
        renders: [
          { step: 0, kind: "visit", text: null, chars: 0, sendable: true, problem: null },
          {
            step: 1,
            kind: "connect",
            text: "Hi Joe at !",
            chars: 11,
            sendable: false,
            problem: "empty variable company without a default (the invitation goes without a note: noteFallback blank)",
          },
          { step: 2, kind: "message", text: "Thanks Joe", chars: 10, sendable: true, problem: null },
        ],
      },
    ]);
    expect(r.body.unsendable).toBe(1);
    expect(CampaignPreviewSchema.strict().safeParse(r.body).error).toBeUndefined();
    const withDefault = { ...definition, steps: [{ connect: { note: "Hi {{ firstName }} at {{ company | default: 'your company' }}!" } }] };
    const fixed = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition: withDefault });
    expect(fixed.body.unsendable).toBe(0);
    expect(fixed.body.prospects[1].renders[0]).toMatchObject({ text: "Hi Joe at your company!", chars: 23, sendable: true });
  });

  it("decides as the engine does: the invitation the preview flags goes out without its note", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    const definition = { ...CAMPAIGN, steps: [{ connect: { note: "Hi {{ firstName }} at {{ company }}!" } }] };
    await h.call(h.tokenA, "POST", "/v1/campaigns", definition);
    await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", LEADS, { "content-type": "text/csv" });
    const preview = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition });
    const notes = preview.body.prospects.map((p: { firstName: string; renders: Array<{ text: string; sendable: boolean }> }) => [
      p.firstName,
      p.renders[0]!.sendable ? p.renders[0]!.text : "",
    ]);
    const sent: string[][] = [];
    for (let i = 0; i < 10 && sent.length < 2; i++) {
      const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
      if (claim.status === 204) {
        h.clock.set(Date.parse(claim.headers.get("x-linkpace-next-at")!));
        continue;
      }
      sent.push([claim.body.prospect.firstName, claim.body.note]);
      await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    }
    expect(notes).toEqual([
      ["Jane", "Hi Jane at Acme!"],
      ["Joe", ""],
    ]);
    expect(sent).toEqual(notes);
  });

  it("counts characters against the account's note limit: 200 on free, 300 on paid", async () => {
    const h = await seeded();
    const note = `${"x".repeat(196)} {{ firstName }}`;
    const definition = { ...CAMPAIGN, steps: [{ connect: { note, noteFallback: "skip" } }] };
    const r = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition });
    const [jane, joe] = r.body.prospects;
    expect(jane.renders[0]).toEqual({
      step: 0,
      kind: "connect",
      text: `${"x".repeat(196)} Jane`,
      chars: 201,
      sendable: false,
      problem: "note is 201 characters, the limit is 200",
    });
    expect(joe.renders[0]).toMatchObject({ chars: 200, sendable: true, problem: null });
    expect(r.body.unsendable).toBe(1);

    await h.call(h.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, name: "paid", type: "premium" });
    const paid = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition: { ...definition, account: "paid" } });
    expect(paid.body.noteLimit).toBe(300);
    expect(paid.body.unsendable).toBe(0);
  });

  it("uses the workspace's most recent people when no campaign of that name has prospects", async () => {
    const h = await seeded();
    const definition = { ...CAMPAIGN, name: "q2" };
    const r = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition, limit: 1 });
    expect(r.body.source).toBe("workspace");
    expect(r.body.prospects.map((p: { url: string }) => p.url)).toEqual([JOE]);
    expect(
      (await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition })).body.prospects.map((p: { url: string }) => p.url),
    ).toEqual([JOE, JANE]);
    const empty = await apiHarness();
    await empty.call(empty.tokenA, "POST", "/v1/accounts", ACCOUNT);
    expect((await empty.call(empty.tokenA, "POST", "/v1/campaigns/preview", { definition: CAMPAIGN })).body).toMatchObject({
      source: "workspace",
      prospects: [],
      unsendable: 0,
    });
  });

  it("answers 422 naming the field of an invalid definition or limit, 404 for an unknown account, 401 without a token", async () => {
    const h = await seeded();
    const cases: Array<[body: unknown, field: string]> = [
      [{}, "definition"],
      [{ definition: "q1" }, "definition"],
      [{ definition: { ...CAMPAIGN, steps: [{ connect: { note: "Hi {{ compny }}" } }] } }, "definition.steps[0].connect.note"],
      [{ definition: { ...CAMPAIGN, name: undefined } }, "definition.name"],
      [{ definition: CAMPAIGN, limit: 51 }, "limit"],
      [{ definition: CAMPAIGN, limit: 0 }, "limit"],
    ];
    for (const [body, field] of cases) {
      const r = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(
        r.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition: { ...CAMPAIGN, account: "nobody" } })).status).toBe(404);
    expect((await h.call(h.tokenB, "POST", "/v1/campaigns/preview", { definition: CAMPAIGN })).status).toBe(404); // alice is workspace A's
    expect((await h.call(null, "POST", "/v1/campaigns/preview", { definition: CAMPAIGN })).status).toBe(401);
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns")).body.campaigns.map((c: { name: string }) => c.name)).toEqual(["q1"]); // nothing saved
  });

  it("refuses a template whose rendering does too much work, quickly, naming the field; campaign create refuses it too", async () => {
    const h = await seeded();
    const loops =
      "{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..9) %}{{ firstName }}{% endfor %}{% endfor %}{% endfor %}";
    const definition = { ...CAMPAIGN, name: "q2", steps: [{ visit: {} }, { connect: {} }, { message: { text: loops } }] };
    const started = performance.now();
    const preview = await h.call(h.tokenA, "POST", "/v1/campaigns/preview", { definition });
    expect(preview.status).toBe(422);
    expect(preview.body.errors).toEqual([
      {
        field: "definition.steps[2].message.text",
        message: expect.stringMatching(/^the template does too much work to render \(.* limit exceeded/),
      },
    ]);
    const create = await h.call(h.tokenA, "POST", "/v1/campaigns", definition);
    expect(create.status).toBe(422);
    // The same refusal; where the render limit stops the template (its line and column) may differ between two runs.
    const atPosition = /line:\d+, col:\d+/g;
    expect(create.body.errors).toEqual([
      { field: "steps[2].message.text", message: expect.stringMatching(/^the template does too much work to render \(.* limit exceeded/) },
    ]);
    expect(create.body.errors[0].message.replace(atPosition, "")).toBe(preview.body.errors[0].message.replace(atPosition, ""));
    expect(performance.now() - started).toBeLessThan(5_000); // without the limits, the preview alone took 17 s
  });
});
