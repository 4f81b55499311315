/**
 * A zip that would inflate past what linkpace reads is refused before anything is inflated (by its declared
 * sizes and entry count), and one that lies about its sizes is stopped as soon as it inflates past them.
 * Without the limits, the three-entry bomb below took the server to 2.6 GB.
 */
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readLinkedInArchiveZip } from "../../../src/io/linkedin-archive/index.js";
import { zipBomb } from "../../fixtures/linkedin-archive/zip-bomb.js";
import { connectionsCsv } from "../../fixtures/linkedin-archive/archive-builder.js";

/** What reading `zip` throws, how long it took and how much memory it left allocated. */
function refusal(zip: Buffer): { message: string; ms: number; grewMb: number } {
  const before = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  let message = "(no error)";
  try {
    readLinkedInArchiveZip(zip, "export.zip");
  } catch (e) {
    message = (e as Error).message;
  }
  return { message, ms: performance.now() - started, grewMb: (process.memoryUsage().arrayBuffers - before) / 1024 / 1024 };
}

describe("zip limits", () => {
  it("refuses three 400 MB entries in a 1.2 MB zip by their declared sizes, inflating nothing", () => {
    const zip = zipBomb(["Connections.csv", "Invitations.csv", "messages.csv"].map((name) => ({ name, megabytes: 400 })));
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    const r = refusal(zip);
    expect(r.message).toBe(
      "export.zip: its CSV files would inflate to 1200 MB, more than the 256 MB linkpace inflates from a zip; " +
        "if this is a genuine export, unzip it and import the folder (linkpace import linkedin-archive FOLDER --account NAME)",
    );
    expect(r.ms).toBeLessThan(1_000); // inflating 1.2 GB takes seconds
    expect(r.grewMb).toBeLessThan(100);
  });

  it("stops an entry that inflates past the size it declares, at the first chunk past it", () => {
    const zip = zipBomb([{ name: "Connections.csv", megabytes: 400, declared: 1000 }]);
    const r = refusal(zip);
    expect(r.message).toBe(
      "export.zip: the zip archive is damaged (Connections.csv: inflates to more than the 1000 bytes it declares); download the export again from LinkedIn",
    );
    expect(r.ms).toBeLessThan(1_000); // inflating all 400 MB takes seconds
    expect(r.grewMb).toBeLessThan(100);
  });

  it("refuses an archive of more files than an export holds, before reading its directory", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) files[`f${i}.txt`] = new Uint8Array(0);
    const r = refusal(Buffer.from(zipSync(files)));
    expect(r.message).toBe(
      "export.zip: the archive holds 10001 files, more than the 10000 linkpace reads from a zip (a LinkedIn export holds a few dozen); " +
        "expected LinkedIn's data export: the zip (Basic_LinkedInDataExport_MM-DD-YYYY.zip or Complete_…) or the folder it unzips to",
    );
  });

  it("reads an export's stored and deflated CSVs whose sizes are what they declare", () => {
    const csv = new TextEncoder().encode(
      connectionsCsv([{ first: "Jane", last: "Doe", url: "https://www.linkedin.com/in/jane-doe", on: "06 Nov 2023" }]),
    );
    for (const level of [0, 6] as const) {
      const facts = readLinkedInArchiveZip(
        Buffer.from(zipSync({ "Connections.csv": [csv, { level }], "media/photo.jpg": new Uint8Array(10) })),
        "export.zip",
      );
      expect(facts.connections.map((c) => c.firstName)).toEqual(["Jane"]);
    }
  });
});
