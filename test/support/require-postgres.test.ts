import { describe, expect, it } from "vitest";
import { checkPostgresForTests, isPostgresRequired } from "./require-postgres.js";

describe("the PostgreSQL tests fail rather than vanish where they are required", () => {
  it("is required under CI or LINKPACE_REQUIRE_PG=1 only", () => {
    expect(isPostgresRequired({})).toBe(false);
    expect(isPostgresRequired({ CI: "true" })).toBe(true);
    expect(isPostgresRequired({ LINKPACE_REQUIRE_PG: "1" })).toBe(true);
    expect(isPostgresRequired({ CI: "false" })).toBe(false);
  });

  it("lets a laptop run without PostgreSQL", async () => {
    await expect(checkPostgresForTests({})).resolves.toBeUndefined();
  });

  it("fails when required and no server is named", async () => {
    await expect(checkPostgresForTests({ CI: "true" })).rejects.toThrow(/LINKPACE_TEST_PG is not set/);
  });

  it("fails when required and the named server does not answer", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    await expect(
      checkPostgresForTests({ LINKPACE_REQUIRE_PG: "1", LINKPACE_TEST_PG: "postgres://postgres:secret@127.0.0.1:1/postgres" }, 2_000),
    ).rejects.toThrow(/postgres:\*\*\*@127\.0\.0\.1:1\/postgres does not answer/);
  });

  it.runIf(process.env.LINKPACE_TEST_PG !== undefined)("passes when the server answers", async () => {
    await expect(checkPostgresForTests({ CI: "true", LINKPACE_TEST_PG: process.env.LINKPACE_TEST_PG })).resolves.toBeUndefined();
  });
});
