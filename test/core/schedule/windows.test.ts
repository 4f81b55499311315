import { describe, expect, it } from "vitest";
import { formatWindow, parseWindows } from "../../../src/core/schedule/index.js";

const EXPECTED = `expected "HH:MM-HH:MM", e.g. "09:00-17:00"`;

describe("parseWindows", () => {
  const valid: Array<{ text: string | string[]; windows: Array<[number, number]> }> = [
    { text: "09:00-17:00", windows: [[540, 1020]] },
    { text: " 9:30 - 12:00 ", windows: [[570, 720]] },
    { text: "18:00-24:00", windows: [[1080, 1440]] },
    { text: "00:00-24:00", windows: [[0, 1440]] },
    { text: "22:00-02:00", windows: [[1320, 120]] },
    {
      text: ["09:00-12:00", "14:00-18:00"],
      windows: [
        [540, 720],
        [840, 1080],
      ],
    },
    {
      text: "09:00-12:00, 14:00-18:00",
      windows: [
        [540, 720],
        [840, 1080],
      ],
    },
  ];
  it.each(valid)("reads $text", ({ text, windows }) => {
    expect(parseWindows(text)).toEqual(windows.map(([startMinute, endMinute]) => ({ startMinute, endMinute })));
  });

  const invalid: Array<{ text: string | string[]; message: string }> = [
    { text: "9-17", message: `"9-17": ${EXPECTED}` },
    { text: "", message: `"": ${EXPECTED}` },
    { text: [], message: `no time window given: ${EXPECTED}` },
    { text: ["09:00-12:00", "noon-1pm"], message: `"noon-1pm": ${EXPECTED}` },
    { text: "25:00-26:00", message: `"25:00-26:00": times run from 00:00 to 23:59 (and 24:00 as an end), ${EXPECTED}` },
    { text: "09:60-10:00", message: `"09:60-10:00": times run from 00:00 to 23:59 (and 24:00 as an end), ${EXPECTED}` },
    { text: "24:00-02:00", message: `"24:00-02:00": times run from 00:00 to 23:59 (and 24:00 as an end), ${EXPECTED}` },
    { text: "09:00-09:00", message: `"09:00-09:00": the window is empty (start equals end); for a whole day write "00:00-24:00"` },
  ];
  it.each(invalid)("refuses $text", ({ text, message }) => {
    expect(parseWindows(text)).toBe(message);
  });
});

describe("formatWindow", () => {
  it.each(["09:00-17:00", "22:00-02:00", "18:30-24:00", "00:00-00:45"])("round-trips %s", (text) => {
    const parsed = parseWindows(text);
    if (typeof parsed === "string") throw new Error(parsed);
    expect(parsed.map(formatWindow)).toEqual([text]);
  });
});
