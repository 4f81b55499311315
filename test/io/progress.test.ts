import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { createProgress } from "../../src/io/progress.js";

function fakeStream(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean; columns?: number }; output: () => string } {
  const stream: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  stream.isTTY = isTTY;
  stream.columns = 100;
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return { stream, output: () => Buffer.concat(chunks).toString("utf8") };
}

describe("createProgress", () => {
  test("draws nothing when the stream is not a terminal", async () => {
    const { stream, output } = fakeStream(false);
    const progress = createProgress("Reading leads.csv", 10, stream);
    progress.update(5);
    progress.update(10, 10);
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(output()).toBe("");
  });

  test("draws a bar on a terminal and ends at the final count", async () => {
    const { stream, output } = fakeStream(true);
    const progress = createProgress("Reading leads.csv", 2000, stream);
    progress.update(1000);
    progress.update(2500, 2500);
    progress.stop();
    progress.stop(); // idempotent
    progress.update(3000); // ignored after stop
    await new Promise((r) => setImmediate(r));
    const text = output();
    expect(text).toContain("Reading leads.csv [");
    expect(text).toContain("0/2000");
    expect(text).toContain("100% | 2500/2500");
    expect(text).not.toContain("3000");
  });
});
