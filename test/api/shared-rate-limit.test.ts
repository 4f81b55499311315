/**
 * The token buckets shared by processes on PostgreSQL (store/postgres/coordination.ts) behave as the in-memory
 * ones (TokenBuckets): a burst, a continuous refill by the injected clock, a wait that takes nothing, and
 * concurrent takes that never hand out the same token twice. Skipped without LINKPACE_TEST_PG.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { TokenBuckets } from "../../src/api/rate-limit.js";
import { VirtualClock } from "../../src/core/time.js";
import { openCoordination, type Coordination } from "../../src/store/postgres/coordination.js";
import { openPostgresStore } from "../../src/store/postgres/open-postgres.js";

const PG = process.env.LINKPACE_TEST_PG;
const LIMIT = { burst: 2, perSecond: 0.5 };

describe.skipIf(!PG)("shared token buckets on PostgreSQL", () => {
  let schema = "";
  let passed = false;
  const opened: Coordination[] = [];
  async function open(): Promise<Coordination> {
    schema = `t_${randomBytes(6).toString("hex")}`;
    await (await openPostgresStore(PG!, { schema })).close(); // migrated: rate_buckets exists
    const c = openCoordination(PG!, schema);
    opened.push(c);
    return c;
  }
  afterEach(async () => {
    for (const c of opened.splice(0)) await c.close();
    if (!passed) {
      console.error(`test failed: kept PostgreSQL schema ${schema} in ${PG}`);
      return;
    }
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`).finally(() => c.end());
    passed = false;
  });

  it("answer as the in-memory buckets do, step by step on the same clock", async () => {
    const shared = await open();
    const clock = new VirtualClock(Date.UTC(2027, 2, 1, 8));
    const memory = new TokenBuckets(LIMIT, clock);
    const steps: Array<[advanceMs: number, op: "take" | "wait", key: string]> = [
      [0, "wait", "a"],
      [0, "take", "a"],
      [0, "take", "a"],
      [0, "take", "a"],
      [0, "wait", "a"],
      [0, "take", "b"],
      [1000, "wait", "a"],
      [1000, "take", "a"],
      [0, "take", "a"],
      [500, "take", "a"],
      [10_000, "take", "a"],
      [0, "take", "a"],
      [0, "take", "a"],
    ];
    const got: number[] = [];
    const expected: number[] = [];
    for (const [advance, op, key] of steps) {
      clock.advance(advance);
      got.push(await shared[op](key, LIMIT, clock.now()));
      expected.push(memory[op](key));
    }
    expect(got).toEqual(expected);
    // Not vacuous: both allowed and refused answers were compared.
    expect(got.filter((w) => w === 0).length).toBeGreaterThan(3);
    expect(got.filter((w) => w > 0).length).toBeGreaterThan(3);
    passed = true;
  }, 30_000);

  it("never move a bucket back in time when a process's clock is behind", async () => {
    const shared = await open();
    const t = Date.UTC(2027, 2, 1, 8);
    expect(await shared.take("k", LIMIT, t)).toBe(0);
    expect(await shared.take("k", LIMIT, t)).toBe(0);
    // Another process, its clock 5 s behind: nothing refilled, and the bucket keeps the later time.
    expect(await shared.take("k", LIMIT, t - 5000)).toBe(2000);
    expect(await shared.take("k", LIMIT, t + 1000)).toBe(1000);
    passed = true;
  }, 30_000);

  it("hand out each token once to takes that arrive at once from several pools", async () => {
    const pools = [await open(), openCoordination(PG!, schema), openCoordination(PG!, schema)];
    opened.push(pools[1]!, pools[2]!);
    const now = Date.UTC(2027, 2, 1, 8);
    const limit = { burst: 25, perSecond: 0.001 };
    const waits = await Promise.all(Array.from({ length: 60 }, (_, i) => pools[i % 3]!.take("burst", limit, now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(25);
    passed = true;
  }, 30_000);
});
