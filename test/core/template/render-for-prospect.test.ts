import { describe, expect, test } from "vitest";
import { countCharacters, renderForProspect, type TemplateVars } from "../../../src/core/template/index.js";

const JANE: TemplateVars = {
  firstName: "Jane",
  lastName: "Doe",
  fullName: "Jane Doe",
  company: "Acme",
  title: "CTO",
  location: "Berlin, Germany",
  custom: { industry: "Robotics", "job title": "Head of Platform", "lead-source": "webinar" },
};

function vars(changes: Partial<TemplateVars>): TemplateVars {
  return { ...JANE, ...changes };
}

describe("renderForProspect: sendable", () => {
  test.each<[string, string, TemplateVars, string]>([
    ["variables", "Hi {{ firstName }}, {{ title }} at {{ company }}?", JANE, "Hi Jane, CTO at Acme?"],
    [
      "a default for an empty variable",
      "Hi {{ firstName }} at {{ company | default: 'your company' }}",
      vars({ company: "" }),
      "Hi Jane at your company",
    ],
    ["a default for a whitespace-only variable", "Hi {{ company | default: 'there' }}", vars({ company: "   " }), "Hi there"],
    [
      "an empty variable in a condition",
      "Hi {{ firstName }}{% if company %} at {{ company }}{% endif %}!",
      vars({ company: "" }),
      "Hi Jane!",
    ],
    [
      "custom columns by name",
      `{{ custom.industry }} / {{ custom["job title"] }} / {{ custom.lead-source }}`,
      JANE,
      "Robotics / Head of Platform / webinar",
    ],
    ["a missing custom column with a default", "{{ custom.score | default: 'n/a' }}", JANE, "n/a"],
    ["filters", "{{ fullName | split: ' ' | last | upcase }}", JANE, "DOE"],
    ["trimmed, inner whitespace kept", "\n  Hi {{ firstName }},\n\n  bye  \n", JANE, "Hi Jane,\n\n  bye"],
    ["values trimmed", "Hi {{ firstName }}!", vars({ firstName: "  Jane " }), "Hi Jane!"],
    [
      "HTML is plain text, not escaped",
      "Hi {{ firstName }}",
      vars({ firstName: "<script>alert(1)</script>" }),
      "Hi <script>alert(1)</script>",
    ],
    ["Liquid tags in a value are not run", "Hi {{ firstName }}", vars({ firstName: "{% if true %}x{% endif %}" }), ""],
  ])("%s", (_case, source, v, text) => {
    const result = renderForProspect(source, v, null);
    if (text === "") {
      expect(result).toEqual({ sendable: false, reason: 'the text contains "{%"', text: "Hi {% if true %}x{% endif %}" });
    } else {
      expect(result).toEqual({ sendable: true, text });
    }
  });
});

describe("renderForProspect: unsendable", () => {
  test.each<[string, string, TemplateVars, number | null, { reason: string; text?: string }]>([
    [
      "an empty variable without a default",
      "Hi {{ firstName }} at {{ company }}",
      vars({ company: "" }),
      200,
      { reason: "empty variable company without a default", text: "Hi Jane at" },
    ],
    [
      "a whitespace-only variable",
      "Hi {{ firstName }}",
      vars({ firstName: " \t " }),
      200,
      { reason: "empty variable firstName without a default", text: "Hi" },
    ],
    [
      "an empty variable printed inside a condition that ran",
      "{% if title %}{{ title }} at {{ company }}{% endif %}",
      vars({ company: "" }),
      null,
      { reason: "empty variable company without a default", text: "CTO at" },
    ],
    [
      "an empty variable through a filter",
      "Hi {{ firstName | capitalize }}",
      vars({ firstName: "" }),
      null,
      { reason: "empty variable firstName without a default", text: "Hi" },
    ],
    [
      "a missing custom column",
      "About {{ custom.score }}",
      JANE,
      null,
      { reason: "empty variable custom.score without a default", text: "About" },
    ],
    [
      "an empty custom column with spaces",
      `As {{ custom["job title"] }}`,
      vars({ custom: { "job title": "" } }),
      null,
      { reason: "empty variable custom.job title without a default", text: "As" },
    ],
    [
      "Liquid in a value",
      "Hi {{ firstName }}",
      vars({ firstName: "{{ x }}" }),
      200,
      { reason: 'the text contains "{{"', text: "Hi {{ x }}" },
    ],
    [
      "undefined in a value",
      "Hi {{ firstName }}",
      vars({ firstName: "undefined" }),
      200,
      { reason: 'the text contains "undefined"', text: "Hi undefined" },
    ],
    [
      "[object in a value",
      "Hi {{ company }}",
      vars({ company: "[object Object]" }),
      200,
      { reason: 'the text contains "[object"', text: "Hi [object Object]" },
    ],
    ["an empty text", "{% if company %}Hi{% endif %}", vars({ company: "" }), 200, { reason: "the text is empty", text: "" }],
    [
      "an invalid template",
      "Hi {{ compny }}",
      JANE,
      200,
      { reason: "unknown variable {{ compny }} (known: firstName, lastName, fullName, company, title, location, custom.<column>)" },
    ],
  ])("%s", (_case, source, v, max, expected) => {
    expect(renderForProspect(source, v, max)).toEqual({ sendable: false, ...expected });
  });
});

describe("note length, counted as LinkedIn does", () => {
  const note = "Hi {{ firstName }}, {{ custom.pitch }}";
  const withPitch = (pitch: string) => vars({ custom: { pitch } });

  test("214 characters is over the free limit of 200", () => {
    const result = renderForProspect(note, withPitch("x".repeat(205)), 200);
    expect(result).toMatchObject({ sendable: false, reason: "note is 214 characters, the limit is 200" });
  });

  test("exactly 200 is within the free limit", () => {
    expect(renderForProspect(note, withPitch("x".repeat(191)), 200)).toMatchObject({ sendable: true });
    expect(renderForProspect(note, withPitch("x".repeat(192)), 200)).toMatchObject({
      sendable: false,
      reason: "note is 201 characters, the limit is 200",
    });
  });

  test("multibyte text: 290 code points is within the paid limit of 300 though longer in UTF-16 and UTF-8", () => {
    const pitch = "😀".repeat(100) + "é".repeat(181); // "Hi Jane, " is 9; emoji are 2 UTF-16 units each
    const result = renderForProspect(note, withPitch(pitch), 300);
    expect(result).toMatchObject({ sendable: true });
    const text = (result as { text: string }).text;
    expect(text.length).toBe(390);
    expect(countCharacters(text)).toBe(290);
    expect(renderForProspect(note, withPitch(pitch), 200)).toMatchObject({
      sendable: false,
      reason: "note is 290 characters, the limit is 200",
    });
  });

  test("decomposed accents are counted after NFC normalisation, and sent normalised", () => {
    const decomposed = "Rene\u0301e"; // Renée with a combining accent: 6 code points, 5 in NFC
    const result = renderForProspect("{{ firstName }}", vars({ firstName: decomposed }), 5);
    expect(result).toEqual({ sendable: true, text: "Ren\u00e9e" });
    expect(countCharacters(decomposed)).toBe(5);
  });

  test("null means no limit", () => {
    expect(renderForProspect(note, withPitch("x".repeat(5000)), null)).toMatchObject({ sendable: true });
  });
});

// Rendering speed is measured by `npm run bench`, not here.
describe("many renders", () => {
  test("thousands of prospects render through both paths, sendable when data allows", () => {
    for (const source of [
      "Hi {{ firstName }}, saw your work at {{ company | default: 'your company' }} as {{ custom['job title'] }}.",
      "Hi {{ firstName }}, at {{ company | default: 'your company' }} as {{ custom['job title'] | default: title | downcase }}.",
    ]) {
      let sendable = 0;
      for (let i = 0; i < 2000; i++) {
        const result = renderForProspect(source, vars({ firstName: `P${i}`, company: i % 3 === 0 ? "" : "Acme" }), 200);
        if (result.sendable) sendable++;
        if (i === 3 && result.sendable) expect(result.text).toMatch(/^Hi P3, (at|saw your work at) your company as /);
      }
      expect(sendable).toBe(2000);
    }
  });
});

describe("renderForProspect: bounded work", () => {
  test("a template whose loops depend on a long value stops at the render limit, unsendable", () => {
    const source =
      "{% assign cs = custom.notes | split: '' %}{% for a in cs %}{% for b in cs %}{% for c in cs %}.{% endfor %}{% endfor %}{% endfor %}";
    const started = performance.now();
    const result = renderForProspect(source, vars({ custom: { notes: "y".repeat(2000) } }), null);
    expect(result).toEqual({
      sendable: false,
      reason: expect.stringMatching(/^the template failed to render: template render limit exceeded/),
    });
    expect(performance.now() - started).toBeLessThan(5_000); // without the limit: 8 billion iterations
  });
});
