import { describe, expect, test } from "vitest";
import { checkTemplate } from "../../../src/core/template/index.js";

const KNOWN = "known: firstName, lastName, fullName, company, title, location, custom.<column>";

describe("checkTemplate accepts", () => {
  test.each<[string, string, string[]]>([
    ["plain text", "Hello there", []],
    ["built-in variables", "Hi {{ firstName }} {{ lastName }}, {{ title }} at {{ company }} in {{ location }}", ["firstName", "lastName", "title", "company", "location"]],
    ["filters", "{{ fullName | split: ' ' | first | capitalize }} {{ company | default: 'your team' | upcase }}", ["fullName", "company"]],
    ["a custom column with an identifier name", "{{ custom.industry }}", ["custom.industry"]],
    ["a custom column with a dash, dotted", "{{ custom.job-title }}", ["custom.job-title"]],
    ["a custom column with spaces, bracketed", `{{ custom["job title"] }} {{ custom['Lead Source'] }}`, ["custom.job title", "custom.Lead Source"]],
    ["conditions and locals", "{% if company %}at {{ company }}{% endif %}{% assign n = firstName | size %}{{ n }}", ["company", "firstName"]],
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
    ["custom without a column", "{{ custom }}", '{{ custom }} needs a column: custom.<column>, or custom["<column>"] when the name has spaces'],
    ["custom with a computed column", "{{ custom[title] }}", `{{ custom[title] }}: write the column's name out, as custom.<column> or custom["<column>"]`],
    ["an unclosed output", "Hi {{ firstName }", 'invalid Liquid: output "{{ firstName }" not closed, line:1, col:4'],
    ["an unknown filter", "{{ firstName | shout }}", "invalid Liquid: undefined filter: shout, line:1, col:1"],
    ["the clock (date filter)", "{{ 'now' | date: '%Y' }}", "invalid Liquid: undefined filter: date, line:1, col:1"],
    ["randomness (sample filter)", "{{ firstName | split: '' | sample }}", "invalid Liquid: undefined filter: sample, line:1, col:1"],
    ["file loading", "{% include 'footer' %}", 'invalid Liquid: tag "include" not found, line:1, col:1'],
  ])("%s", (_case, source, message) => {
    expect(checkTemplate(source)).toEqual({ ok: false, message });
  });
});
