/**
 * The dashboard's pure page logic against the real server-side code: the campaign editor's form writes
 * documents the campaign schema accepts and reads back what the API returns, and the runner page's clock
 * and key helpers behave as the terminal runner's.
 */
import { describe, expect, it } from "vitest";
import { campaignDocFromObject, campaignDocToObject } from "../../src/core/campaign/index.js";
import { countCharacters as serverCount } from "../../src/core/template/index.js";
import {
  addVariant,
  defaultForm,
  documentField,
  fromDocument,
  newStep,
  problemsAt,
  toDocument,
  type CampaignForm,
} from "../../web/src/pages/editor-model.js";
import { rateWithInterval, safeProfileUrl } from "../../web/src/format.js";
import { COMMAND_KEYS as TERMINAL_KEYS } from "../../src/runner/outcome-keys.js";
import {
  clockOffset,
  COMMAND_KEYS,
  countCharacters,
  countdown,
  noteLimitFor,
  replyNotice,
  type TaskReplyResult,
} from "../../web/src/pages/runner-types.js";

describe("campaign editor model", () => {
  it("writes a document the campaign schema accepts, leaving empty fields to the defaults", () => {
    const form: CampaignForm = { ...defaultForm("alice"), name: "q1", hours: "09:00-12:00, 14:00-17:00" };
    form.steps.push(newStep("withdraw", { after: "" }));
    const doc = toDocument({ ...form, steps: form.steps.slice(0, 3) });
    expect(doc).toMatchObject({
      schedule: { timezone: "recipient", hours: ["09:00-12:00", "14:00-17:00"] },
      steps: [{ visit: {} }, { connect: { after: "1d", noteFallback: "blank", withdrawAfter: "21d" } }, { message: { after: "2d" } }],
    });
    const parsed = campaignDocFromObject(doc, "body");
    expect(parsed.steps.map((s) => s.kind)).toEqual(["visit", "connect", "message"]);
    expect(toDocument({ ...form, steps: [newStep("connect")] }).steps).toEqual([{ connect: { noteFallback: "blank" } }]);
    // Priority: a number as a number, left out when empty, anything else as typed (the server names what it expects).
    expect(parsed.priority).toBe(1);
    expect(toDocument({ ...form, priority: " 2 " }).priority).toBe(2);
    expect(toDocument({ ...form, priority: "" })).not.toHaveProperty("priority");
    expect(toDocument({ ...form, priority: "high" }).priority).toBe("high");
  });

  it("reads back a campaign's definition as GET /v1/campaigns/NAME shows it, unchanged through the form", () => {
    const original = campaignDocFromObject(
      {
        name: "q1",
        account: "alice",
        schedule: { timezone: "Europe/Paris", days: ["mon", "sat"], hours: ["08:00-10:00", "22:00-02:00"] },
        stopOnReply: false,
        priority: 2.5,
        steps: [
          { connect: { note: "Hi {{ firstName }}", noteFallback: "skip" } },
          { withdraw: { after: "14d" } },
          { message: { after: "1d", text: "Thanks" } },
        ],
      },
      "body",
    );
    const form = fromDocument(campaignDocToObject(original));
    if (typeof form === "string") throw new Error(form);
    expect(form.steps.map((s) => s.kind)).toEqual(["connect", "message"]);
    expect(campaignDocFromObject(toDocument(form), "body")).toEqual(original);
  });

  it("carries a step's variants and autoWinner through the form, losslessly", () => {
    const original = campaignDocFromObject(
      {
        name: "q1",
        account: "alice",
        autoWinner: true,
        steps: [
          {
            connect: {
              note: [
                { name: "short", text: "Hi {{ firstName }}" },
                { name: "none", text: null },
                { name: "long", text: "Hello {{ firstName }}, we met?", paused: true },
              ],
            },
          },
          {
            message: {
              after: "2d",
              text: [
                { name: "thanks", text: "Thanks!" },
                { name: "question", text: "How is {{ company }}?" },
              ],
            },
          },
        ],
      },
      "body",
    );
    const form = fromDocument(campaignDocToObject(original));
    if (typeof form === "string") throw new Error(form);
    expect(form.autoWinner).toBe(true);
    expect(form.steps[0]!.variants).toEqual([
      { name: "short", text: "Hi {{ firstName }}", paused: false },
      { name: "none", text: "", paused: false },
      { name: "long", text: "Hello {{ firstName }}, we met?", paused: true },
    ]);
    expect(form.steps[1]!.variants.map((v) => v.name)).toEqual(["thanks", "question"]);
    const doc = toDocument(form);
    expect(doc.autoWinner).toBe(true);
    expect(doc.steps).toMatchObject([
      { connect: { note: [{ name: "short" }, { name: "none", text: null }, { name: "long", paused: true }] } },
      { message: { text: [{ name: "thanks", text: "Thanks!" }, { name: "question" }] } },
    ]);
    expect(campaignDocFromObject(doc, "body")).toEqual(original);
    // Unpausing through the form writes no paused key; autoWinner off leaves it out.
    form.steps[0]!.variants[2]!.paused = false;
    const unpaused = toDocument({ ...form, autoWinner: false });
    expect(unpaused).not.toHaveProperty("autoWinner");
    expect((unpaused.steps as Array<{ connect: { note: object[] } }>)[0]!.connect.note[2]).toEqual({
      name: "long",
      text: "Hello {{ firstName }}, we met?",
    });
    expect(fromDocument({ steps: [{ connect: { note: ["Hi"] } }] })).toMatch(/steps\[0\]\.connect\.note: variant 1/);
  });

  it("writes the same document as before for a form without variants; Add variant turns the text into a list", () => {
    const form: CampaignForm = { ...defaultForm("alice"), name: "q1" };
    expect(form.autoWinner).toBe(false);
    expect(form.steps.every((s) => s.variants.length === 0)).toBe(true);
    expect(toDocument(form)).toEqual({
      name: "q1",
      account: "alice",
      schedule: { timezone: "recipient", days: ["mon", "tue", "wed", "thu", "fri"], hours: "09:00-17:00" },
      stopOnReply: true,
      priority: 1,
      steps: [
        { visit: {} },
        { connect: { after: "1d", note: form.steps[1]!.note, noteFallback: "blank", withdrawAfter: "21d" } },
        { message: { after: "2d", text: "Thanks for connecting, {{ firstName }}!" } },
      ],
    });
    const two = addVariant([], "Hi {{ firstName }}");
    expect(two).toEqual([
      { name: "a", text: "Hi {{ firstName }}", paused: false },
      { name: "b", text: "", paused: false },
    ]);
    expect(addVariant([{ name: "b", text: "x", paused: false }, ...two.slice(0, 1)], "").map((v) => v.name)).toEqual(["b", "a", "c"]);
    expect(rateWithInterval({ rate: 0.359, low: 0.321, high: 0.398 })).toBe("35.9% (32.1–39.8%)");
    expect(rateWithInterval({ rate: null, low: null, high: null })).toBe("–");
  });

  it("says which shapes the form cannot show, and maps the preview's fields to document paths", () => {
    expect(fromDocument([])).toMatch(/not a JSON object/);
    expect(fromDocument({ steps: [{ visit: {}, connect: {} }] })).toMatch(/steps\[0\]/);
    expect(documentField("definition.steps[1].connect.note")).toBe("steps[1].connect.note");
    expect(documentField("definition")).toBe("document");
    expect(documentField("name")).toBe("name");
    const problems = [
      { field: "steps[1].connect.note", message: "a" },
      { field: "steps[10]", message: "b" },
      { field: "steps", message: "c" },
    ];
    expect(problemsAt(problems, "steps[1]").map((p) => p.message)).toEqual(["a"]);
    expect(problemsAt(problems, "steps", true).map((p) => p.message)).toEqual(["c"]);
  });
});

describe("runner page helpers", () => {
  it("takes the server's clock from its `at`, not the browser's", () => {
    expect(clockOffset("2027-03-01T09:00:00Z", 1_000, 1_200)).toBe(Date.parse("2027-03-01T09:00:00Z") - 1_100);
    expect(clockOffset("not a date", 0, 0)).toBe(0);
  });

  it("counts like the server and shows countdowns like the terminal", () => {
    for (const t of ["Zoë", "e\u0301", "👋🏽 hi", ""]) expect(countCharacters(t)).toBe(serverCount(t));
    expect(countdown(65_000)).toBe("1m 05s");
    expect(countdown(3_725_000)).toBe("1h 02m");
    expect(countdown(-5)).toBe("0m 00s");
    expect([noteLimitFor("free"), noteLimitFor("premium"), noteLimitFor("sales_navigator")]).toEqual([200, 300, 300]);
  });

  it("takes the terminal runner's command keys, r they replied among them, and says what a reply did", () => {
    expect(Object.values(COMMAND_KEYS).sort()).toEqual(TERMINAL_KEYS.map((k) => k.key).sort());
    const result = (
      over: Partial<TaskReplyResult>,
      status: "applied" | "nothing" = "applied",
      text: string | null = "Hi",
    ): TaskReplyResult => ({
      actionId: 7,
      reply: {
        status,
        recorded: "replied",
        person: "https://www.linkedin.com/in/jane-doe",
        account: "alice",
        campaign: "q1",
        at: "2027-03-01T08:00:30Z",
        message: status === "nothing" ? "nothing to apply it to" : "recorded",
        ...(status === "nothing" ? {} : { reply: { id: 1, text } }),
      },
      released: false,
      ended: false,
      ...over,
    });
    expect(replyNotice(result({ released: true, ended: true }))).toBe(
      "Reply recorded with its text. The task was put back unperformed (nothing charged): the sequence has stopped.",
    );
    expect(replyNotice(result({ ended: true }, "applied", null))).toBe("Reply recorded. The sequence has stopped.");
    expect(replyNotice(result({}))).toBe("Reply recorded with its text. The campaign goes on after a reply: this task is still to do.");
    expect(replyNotice(result({}, "nothing"))).toBe("Not recorded: nothing to apply it to.");
  });

  it("links only to http(s) profile URLs", () => {
    expect(safeProfileUrl("https://www.linkedin.com/in/jane-doe")).toBe("https://www.linkedin.com/in/jane-doe");
    expect(safeProfileUrl("javascript:alert(1)")).toBeNull();
    expect(safeProfileUrl(null)).toBeNull();
  });
});
