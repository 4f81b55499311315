import { describe, expect, it } from "vitest";
import { namesFromFull, personName } from "../../../src/core/prospect/person-name.js";

describe("namesFromFull", () => {
  it.each([
    ["Jane van Doe", { firstName: "Jane", lastName: "van Doe", fullName: "Jane van Doe" }],
    ["  Jane   Doe ", { firstName: "Jane", lastName: "Doe", fullName: "Jane   Doe" }],
    // No space: it cannot be split honestly (family name first, a single word): kept whole, no first name.
    ["李伟", { firstName: "", lastName: "", fullName: "李伟" }],
    ["Cher", { firstName: "", lastName: "", fullName: "Cher" }],
    ["", { firstName: "", lastName: "", fullName: null }],
  ])("%j", (full, names) => {
    expect(namesFromFull(full)).toEqual(names);
  });
});

describe("personName", () => {
  it.each([
    [{ firstName: "伟", lastName: "李", fullName: "李伟" }, "李伟"],
    [{ firstName: "Jane", lastName: "Doe", fullName: null }, "Jane Doe"],
    [{ firstName: "Jane", lastName: " ", fullName: " " }, "Jane"],
    [{ firstName: "", lastName: "", fullName: null }, ""],
  ])("%j is named %j", (p, name) => {
    expect(personName(p)).toBe(name);
  });
});
