/**
 * The dashboard's build: a single page in web/, bundled into dist/web/, which `linkpace serve` serves at `/`.
 * JSX is Preact's (automatic runtime); no inline scripts or styles, so the page runs under a strict CSP.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // No inline assets: the CSP allows same-origin files only (data: images excepted).
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { proxy: { "/v1": "http://127.0.0.1:8080", "/openapi.json": "http://127.0.0.1:8080" } },
});
