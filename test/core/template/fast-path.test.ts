import { describe, expect, test } from "vitest";
import { compileTemplate } from "../../../src/core/template/compile-template.js";
import { engine } from "../../../src/core/template/liquid-engine.js";
import { renderForProspect, type TemplateVars } from "../../../src/core/template/index.js";
import { scopeFor } from "../../../src/core/template/template-vars.js";

const PEOPLE: TemplateVars[] = [
  {
    firstName: "Jane",
    lastName: "Doe",
    fullName: "Jane Doe",
    company: "Acme",
    title: "CTO",
    location: "Berlin",
    custom: { "job title": "Head", x: "1", size: "XL" },
  },
  { firstName: " Zoë ", lastName: "", fullName: "Zoë", company: "", title: "", location: "", custom: {} },
  {
    firstName: 'O\'Brien "Bob"',
    lastName: "{{ x }}",
    fullName: "<b>",
    company: "  ",
    title: "a|b",
    location: "}}",
    custom: { "job title": "" },
  },
];

/** [template, whether it takes the fast path]. */
const TEMPLATES: Array<[string, boolean]> = [
  ["Hi {{ firstName }}!", true],
  ["Hi {{firstName}}, {{ company | default: 'your company' }} / {{ title|default:\"there\" }}", true],
  [`{{ custom["job title"] | default: "your role" }} {{ custom.x }} {{ custom['job title'] }}`, true],
  ["{{- firstName -}} ,  {{ lastName }}\n", true],
  ["{{ custom.size | default: 'n/a' }}", true],
  ["Plain text only", true],
  ["Hi {{ firstName | upcase }}", false],
  ["Hi {{ firstName | default: lastName }}", false],
  ["{% if company %}at {{ company }}{% endif %}", false],
  ["{{ company | default: 'it\\'s' }}", false],
  ["{{ firstName.size }}", false],
];

describe("fast path", () => {
  test.each(TEMPLATES)("%s: planned %s", (source, fast) => {
    const compiled = compileTemplate(source);
    expect(compiled.ok && compiled.template.fast !== null).toBe(fast);
  });

  test.each(TEMPLATES)("%s renders exactly as Liquid does", (source) => {
    const compiled = compileTemplate(source);
    if (!compiled.ok) throw new Error(compiled.message);
    for (const person of PEOPLE) {
      const liquid = String(engine.parseAndRenderSync(source, scopeFor(person, compiled.template.variables))).trim();
      const result = renderForProspect(source, person, null);
      expect(result.text ?? "").toBe(liquid.normalize("NFC"));
    }
  });

  test("custom.size reads a column named size, not the number of columns", () => {
    const person = PEOPLE[0]!;
    expect(renderForProspect("{{ custom.size }}", person, null)).toEqual({ sendable: true, text: "XL" });
    expect(renderForProspect("{{ custom.size | upcase }}", person, null)).toEqual({ sendable: true, text: "XL" });
    expect(renderForProspect("{{ custom.size | default: 'none' | upcase }}", { ...person, custom: {} }, null)).toEqual({
      sendable: true,
      text: "NONE",
    });
  });
});
