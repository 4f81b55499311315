/**
 * Variants in the campaign document (core/campaign/variants.ts): a note or a message text may be a list of named
 * texts; each is checked as any template; the parsed step keeps the first's text too, and turning the doc back
 * into what a user writes gives the list again.
 */
import { describe, expect, test } from "vitest";
import { campaignDocFromObject, campaignDocToObject, parseCampaignDoc } from "../../../src/core/campaign/index.js";
import { variantKey, variantName } from "../../../src/core/campaign/variants.js";
import { issuesOf } from "./issues.js";

const HEAD = "name: q1\naccount: alice\n";

describe("variants in a campaign document", () => {
  test("a note and a message given as lists of named texts; a plain string stays one text", () => {
    const doc = parseCampaignDoc(
      `${HEAD}autoWinner: true\nsteps:\n` +
        `  - connect:\n      note:\n        - { name: short, text: "Hi {{ firstName }}" }\n        - { name: none, text: null }\n` +
        `  - message:\n      after: 1d\n      text:\n        - { name: a, text: "Thanks {{ firstName }}" }\n        - { name: b, text: "Glad to connect", paused: true }\n` +
        `  - message: { after: 2d, text: "Plain" }\n`,
      "q1.yaml",
    );
    expect(doc.autoWinner).toBe(true);
    expect(doc.steps[0]).toMatchObject({
      kind: "connect",
      note: "Hi {{ firstName }}",
      variants: [
        { name: "short", text: "Hi {{ firstName }}" },
        { name: "none", text: null },
      ],
    });
    expect(doc.steps[1]).toMatchObject({
      kind: "message",
      text: "Thanks {{ firstName }}",
      variants: [
        { name: "a", text: "Thanks {{ firstName }}" },
        { name: "b", text: "Glad to connect", paused: true },
      ],
    });
    expect(doc.steps[2]).toEqual({ kind: "message", after: 2 * 86_400_000, text: "Plain" });
    // Back to what a user writes, and read again: the same document.
    const object = campaignDocToObject(doc);
    expect(object.steps[0]).toMatchObject({ connect: { note: doc.steps[0]!.kind === "connect" ? doc.steps[0]!.variants : null } });
    expect(campaignDocFromObject(JSON.parse(JSON.stringify(object)), "again")).toEqual(doc);
  });

  test.each([
    ["an empty list", `note: []`, /expected the note: a text, or a list of variants/],
    ["a name twice", `note: [{ name: a, text: x }, { name: A, text: y }]`, /variant 2: the name A is used twice in this step/],
    ["a bad name", `note: [{ name: "two words", text: x }]`, /variant 1: name must be 1 to 40 letters/],
    ["an unknown field", `note: [{ name: a, txt: x }]`, /variant 1: unknown field "txt" \(known: name, text, paused\)/],
    ["an unknown variable", `note: [{ name: a, text: "{{ compny }}" }]`, /variant 1 \(a\): .*compny/],
    ["every variant paused", `note: [{ name: a, text: x, paused: true }]`, /every variant is paused/],
  ])("refuses %s, naming the variant", (_case, options, message) => {
    const { issues } = issuesOf(() => parseCampaignDoc(`${HEAD}steps:\n  - connect: { ${options} }\n`, "q1.yaml"));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.where).toBe("q1.yaml: steps[0].connect.note");
    expect(issues[0]!.message).toMatch(message);
  });

  test("a message variant needs a text", () => {
    const { issues } = issuesOf(() => parseCampaignDoc(`${HEAD}steps:\n  - message: { text: [{ name: a, text: null }] }\n`, "q1.yaml"));
    expect(issues.map((i) => [i.where, i.message])).toEqual([
      ["q1.yaml: steps[0].message.text", "variant 1 (a): expected the message's text (a Liquid template), got null"],
    ]);
  });

  test("a variant is known by its name and its text: an edited text is a new variant", () => {
    const a = variantKey({ name: "short", text: "Hi {{ firstName }}" });
    expect(a).toMatch(/^short#[0-9a-f]{8}$/);
    expect(variantKey({ name: "short", text: "Hi {{ firstName }}" })).toBe(a);
    expect(variantKey({ name: "short", text: "Hello {{ firstName }}" })).not.toBe(a);
    expect(variantKey({ name: "none", text: null })).toBe(variantKey({ name: "none", text: "" }));
    expect(variantName(a)).toBe("short");
  });
});
