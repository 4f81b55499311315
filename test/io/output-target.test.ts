import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFileTarget } from "../../src/io/output-target.js";

const write = (stream: NodeJS.WritableStream, text: string) =>
  new Promise<void>((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));

describe("atomicFileTarget", () => {
  it("shows the new file only once it is complete, and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "linkpace-out-"));
    const path = join(dir, "export.csv");
    writeFileSync(path, "old");
    const target = await atomicFileTarget(path);
    await write(target.stream, "new ");
    expect(readFileSync(path, "utf8")).toBe("old");
    await write(target.stream, "content");
    await target.commit();
    expect(readFileSync(path, "utf8")).toBe("new content");
    expect(readdirSync(dir)).toEqual(["export.csv"]);
  });

  it("keeps the previous file when the export is abandoned", async () => {
    const dir = mkdtempSync(join(tmpdir(), "linkpace-out-"));
    const path = join(dir, "export.csv");
    writeFileSync(path, "old");
    const target = await atomicFileTarget(path);
    await write(target.stream, "half an export");
    await target.abort();
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["export.csv"]);
  });

  it("names the option and the file when the directory does not exist", async () => {
    const path = join(tmpdir(), "linkpace-no-such-dir", "x.csv");
    await expect(atomicFileTarget(path)).rejects.toThrow(/--output .*x\.csv: cannot write there \(no such directory\)/);
    expect(existsSync(path)).toBe(false);
  });
});
