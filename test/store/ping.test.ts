/**
 * Store.ping, the database check of /healthz, on every backend storeBackends() finds: it answers while a
 * transaction holds the store (on SQLite that transaction holds the one connection, so a query would wait for
 * its end: a long import held /healthz for as long), and fails once the store is closed.
 */
import { describe, expect, it } from "vitest";
import { storeBackends } from "./backends.js";

describe.each(storeBackends())("ping on $name", (backend) => {
  it("answers during a transaction that holds the store, and fails once the store is closed", async (ctx) => {
    const db = await backend.create();
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
    await db.store.ping();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const transaction = db.store.transaction(async (tx) => {
      await tx.ping();
      entered();
      await held;
    });
    await inside;
    const order: string[] = [];
    const pinged = db.store.ping().then(() => order.push("ping"));
    // The transaction ends once ping has answered, or, if ping waits for it, after a guard of 5 s.
    const guard = setTimeout(release, 5_000);
    void pinged.then(() => release());
    await transaction.then(() => order.push("transaction"));
    clearTimeout(guard);
    await pinged;
    expect(order).toEqual(["ping", "transaction"]);
    const other = await db.openAnother();
    await other.close();
    await expect(other.ping()).rejects.toThrow();
  });
});
