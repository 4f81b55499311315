import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The engine checks what its turn ledger followed against a read of the store (src/engine/turn-ledger.ts).
    env: { LINKPACE_VERIFY_LEDGER: process.env.LINKPACE_VERIFY_LEDGER ?? "1" },
  },
});
