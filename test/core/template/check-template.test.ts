import { describe, expect, test } from "vitest";
import { checkTemplate } from "../../../src/core/template/index.js";

const KNOWN = "known: firstName, lastName, fullName, company, title, location, custom.<column>";

describe("checkTemplate accepts", () => {
  test.each<[string, string, string[]]>([
    ["plain text", "Hello there", []],
    [
      "built-in variables",
      "Hi {{ firstName }} {{ lastName }}, {{ title }} at {{ company }} in {{ location }}",
      ["firstName", "lastName", "title", "company", "location"],
    ],
    ["filters", "{{ fullName | split: ' ' | first | capitalize }} {{ company | default: 'your team' | upcase }}", ["fullName", "company"]],
    ["a custom column with an identifier name", "{{ custom.industry }}", ["custom.industry"]],
    ["a custom column with a dash, dotted", "{{ custom.job-title }}", ["custom.job-title"]],
    [
      "a custom column with spaces, bracketed",
      `{{ custom["job title"] }} {{ custom['Lead Source'] }}`,
      ["custom.job title", "custom.Lead Source"],
    ],
    [
      "conditions and locals",
      "{% if company %}at {{ company }}{% endif %}{% assign n = firstName | size %}{{ n }}",
      ["company", "firstName"],
    ],
    ["string properties", "{{ firstName.first }}{{ lastName.size }}", ["firstName", "lastName"]],
  ])("%s", (_case, source, variables) => {
    expect(checkTemplate(source)).toEqual({ ok: true, variables });
  });
});

describe("checkTemplate refuses", () => {
  test.each<[string, string, string]>([
    ["a misspelt variable", "Hi {{ compny }}", `unknown variable {{ compny }} (${KNOWN})`],
    ["snake case", "Hi {{ first_name }} {{ last_name }}", `unknown variables {{ first_name }}, {{ last_name }} (${KNOWN})`],
    ["an unknown variable in a condition", "{% if vip %}Hi{% endif %}", `unknown variable {{ vip }} (${KNOWN})`],
    ["a property on a text variable", "{{ company.name }}", `unknown variable {{ company.name }} (${KNOWN})`],
    [
      "custom without a column",
      "{{ custom }}",
      '{{ custom }} needs a column: custom.<column>, or custom["<column>"] when the name has spaces',
    ],
    [
      "custom with a computed column",
      "{{ custom[title] }}",
      `{{ custom[title] }}: write the column's name out, as custom.<column> or custom["<column>"]`,
    ],
    ["an unclosed output", "Hi {{ firstName }", 'invalid Liquid: output "{{ firstName }" not closed, line:1, col:4'],
    ["an unknown filter", "{{ firstName | shout }}", "invalid Liquid: undefined filter: shout, line:1, col:1"],
    ["the clock (date filter)", "{{ 'now' | date: '%Y' }}", "invalid Liquid: undefined filter: date, line:1, col:1"],
    ["randomness (sample filter)", "{{ firstName | split: '' | sample }}", "invalid Liquid: undefined filter: sample, line:1, col:1"],
    ["file loading", "{% include 'footer' %}", 'invalid Liquid: tag "include" not found, line:1, col:1'],
  ])("%s", (_case, source, message) => {
    expect(checkTemplate(source)).toEqual({ ok: false, message });
  });
});

describe("checkTemplate bounds the work of one render", () => {
  const costly =
    /^the template does too much work to render \((template render|memory alloc) limit exceeded, line:1, col:\d+\): loops over large ranges or nested loops would stall every send; keep loops to a few items$/;
  test.each<[string, string]>([
    [
      "nested loops over ranges",
      "{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..9) %}x{% endfor %}{% endfor %}{% endfor %}",
    ],
    [
      "nested loops over a small list",
      "{% assign s = 'a,b,c,d,e,f,g,h,i,j' | split: ',' %}{% for a in s %}{% for b in s %}{% for c in s %}{% for d in s %}{% for e in s %}{% for f in s %}.{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}",
    ],
    ["one huge range", "{% for i in (1..5000000) %}{% endfor %}"],
    [
      "a loop over a prospect's text, nested",
      "{% assign cs = firstName | split: '' %}{% for a in cs %}{% for b in cs %}{% for c in cs %}{% for d in cs %}{{ company }}{% endfor %}{% endfor %}{% endfor %}{% endfor %}",
    ],
  ])("refuses %s, quickly", (_case, source) => {
    const started = performance.now();
    const check = checkTemplate(source);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.message).toMatch(costly);
    expect(performance.now() - started).toBeLessThan(5_000); // without the limits: seconds to minutes
  });

  test("accepts a loop of a few items", () => {
    expect(checkTemplate("{% for i in (1..3) %}{{ firstName }} {% endfor %}")).toEqual({ ok: true, variables: ["firstName"] });
  });
});
