/**
 * The Store contract for dashboard sessions (store/sessions.ts, migration 005), on every backend
 * storeBackends() finds (PostgreSQL when LINKPACE_TEST_PG is set). Each test starts from an empty, migrated
 * database with the default workspace.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../src/core/time.js";
import type { Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { T0 } from "./fixtures.js";

const EXPIRES = T0 + 7 * DAY;

describe.each(storeBackends())("sessions on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  const token = (name = "laptop", workspaceId = 1) => store.insertApiToken({ workspaceId, name, hash: `token-${name}`, createdAt: T0 });
  const session = (tokenId: number, hash: string, over: { workspaceId?: number; expiresAt?: number } = {}) =>
    store.insertSession({
      workspaceId: over.workspaceId ?? 1,
      tokenId,
      hash,
      csrfToken: `csrf-${hash}`,
      createdAt: T0,
      expiresAt: over.expiresAt ?? EXPIRES,
    });

  it("finds a session by the hash of its secret until the instant it expires", async () => {
    const t = await token();
    const s = await session(t.id, "h1");
    expect(s).toEqual({ id: 1, workspaceId: 1, tokenId: t.id, csrfToken: "csrf-h1", createdAt: T0, expiresAt: EXPIRES, revokedAt: null });
    expect(await store.findSession("h1", T0)).toEqual(s);
    expect(await store.findSession("h1", EXPIRES - 1)).toEqual(s);
    expect(await store.findSession("h1", EXPIRES)).toBeNull();
    expect(await store.findSession("csrf-h1", T0)).toBeNull();
    expect(await store.findSession("h2", T0)).toBeNull();
  });

  it("keeps sessions in their token's workspace, each hash once", async () => {
    const other = await store.insertWorkspace("client-b");
    const t = await token("b", other.id);
    const s = await session(t.id, "hb", { workspaceId: other.id });
    expect((await store.findSession("hb", T0))?.workspaceId).toBe(other.id);
    await expect(session(t.id, "hb")).rejects.toThrow();
    expect(await store.findSession("hb", T0)).toEqual(s);
  });

  it("revokes a live session once, and never finds it again", async () => {
    const t = await token();
    const s = await session(t.id, "h1");
    const kept = await session(t.id, "h2");
    expect(await store.revokeSession(s.id, T0 + HOUR)).toBe(true);
    expect(await store.revokeSession(s.id, T0 + 2 * HOUR)).toBe(false);
    expect(await store.revokeSession(99, T0)).toBe(false);
    expect(await store.findSession("h1", T0 + HOUR)).toBeNull();
    expect(await store.findSession("h2", T0 + HOUR)).toEqual(kept);
  });

  it("ends every session of a token when the token is revoked, and only those", async () => {
    const a = await token("a");
    const b = await token("b");
    await session(a.id, "ha1");
    await session(a.id, "ha2");
    const sb = await session(b.id, "hb");
    expect(await store.revokeApiToken(a.id, T0 + HOUR)).toBe(true);
    expect(await store.findSession("ha1", T0 + HOUR)).toBeNull();
    expect(await store.findSession("ha2", T0 + HOUR)).toBeNull();
    expect(await store.findSession("hb", T0 + HOUR)).toEqual(sb);
  });

  it("deletes the sessions that have ended (expired, revoked, token revoked) and keeps the live ones", async () => {
    const a = await token("a");
    const b = await token("b");
    const live = await session(a.id, "live");
    await session(a.id, "expired", { expiresAt: T0 + HOUR });
    const revoked = await session(a.id, "revoked");
    await session(b.id, "token-revoked");
    await store.revokeSession(revoked.id, T0);
    await store.revokeApiToken(b.id, T0);
    expect(await store.deleteEndedSessions(T0 + HOUR)).toBe(3);
    expect(await store.deleteEndedSessions(T0 + HOUR)).toBe(0);
    expect(await store.findSession("live", T0 + HOUR)).toEqual(live);
    // The hashes are free again: a deleted session's row is gone, not merely hidden.
    expect((await session(a.id, "expired")).id).toBe(5);
  });

  it("returns BIGINT instants and ids as JavaScript numbers", async () => {
    const big = 2 ** 45 + 7;
    const t = await token();
    const s = await session(t.id, "h", { expiresAt: big });
    const found = await store.findSession("h", T0);
    for (const v of [s.id, s.tokenId, s.createdAt, s.expiresAt, found?.expiresAt, found?.workspaceId]) expect(typeof v).toBe("number");
    expect(found?.expiresAt).toBe(big);
  });
});
