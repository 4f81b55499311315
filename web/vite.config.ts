/**
 * The dashboard's build: a single page in web/, bundled into dist/web/, which `linkpace serve` serves at `/`.
 * JSX is Preact's (automatic runtime); no inline scripts or styles, so the page runs under a strict CSP.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/**
 * The API reference page (/docs) runs Scalar's standalone bundle, served by linkpace itself from
 * dist/web/docs/scalar.js (src/api/docs-page.ts): no CDN, so it works offline and under a same-origin CSP.
 */
function scalarBundle(): Plugin {
  const source = fileURLToPath(new URL("../node_modules/@scalar/api-reference/dist/browser/standalone.js", import.meta.url));
  return {
    name: "linkpace-scalar-bundle",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "docs/scalar.js", source: readFileSync(source) });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [scalarBundle()],
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
