/**
 * The options page: the server's URL and an API token, kept in the extension's local storage. Saving asks for
 * the host permission of that server only (chrome.permissions.request, in the click that saves). The companion
 * works without it too, because linkpace answers this extension's origin with CORS headers when its id is
 * configured; the permission spares the preflights. "Test connection" calls GET /v1/tasks.
 */
import { Api, ApiError, loadSettings, saveSettings } from "./api.js";
import { hostPattern, serverOrigin, type Overview } from "./format.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>("settings");
const serverInput = $<HTMLInputElement>("server");
const tokenInput = $<HTMLInputElement>("token");
const status = $<HTMLParagraphElement>("status");
const access = $<HTMLParagraphElement>("access");

function show(el: HTMLElement, text: string, kind: "ok" | "error" | "info"): void {
  el.textContent = text;
  el.dataset.kind = kind;
}

async function showAccess(origin: string | null): Promise<void> {
  if (origin === null) return show(access, "", "info");
  const granted = await chrome.permissions.contains({ origins: [hostPattern(origin)] });
  show(
    access,
    granted
      ? `Host permission for ${origin}: granted.`
      : `Host permission for ${origin}: not granted. The companion still works when the server accepts this extension (--extension-id ${chrome.runtime.id}).`,
    granted ? "ok" : "info",
  );
}

async function testConnection(): Promise<void> {
  const settings = await loadSettings();
  if (settings === null) return show(status, "Save a server URL and a token first.", "error");
  show(status, `Connecting to ${settings.server}…`, "info");
  try {
    const overview = await new Api(settings).call<Overview>("GET", "/v1/tasks");
    const names = overview.accounts.map((a) => a.account);
    show(
      status,
      `Connected to ${settings.server}: ${names.length} account${names.length === 1 ? "" : "s"}${names.length ? ` (${names.join(", ")})` : ""}.`,
      "ok",
    );
  } catch (e) {
    show(status, e instanceof ApiError ? e.message : String(e), "error");
  }
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const origin = serverOrigin(serverInput.value);
  if (origin === null) return show(status, "The server URL must be an http:// or https:// address, e.g. http://127.0.0.1:8080.", "error");
  const token = tokenInput.value.trim();
  if (token === "") return show(status, "The API token is missing (linkpace token create --name companion prints one).", "error");
  // Asked in the click itself (a user gesture), before anything is awaited; a refusal or a browser that cannot
  // show the prompt (headless) leaves the companion on CORS.
  const asked = chrome.permissions.request({ origins: [hostPattern(origin)] }).catch(() => false);
  serverInput.value = origin;
  void (async () => {
    await saveSettings({ server: origin, token });
    show(status, "Saved.", "ok");
    void asked.then(() => showAccess(origin));
    await testConnection();
  })();
});

$<HTMLButtonElement>("test").addEventListener("click", () => void testConnection());

$<HTMLElement>("extension-id").textContent = chrome.runtime.id;
$<HTMLElement>("serve-command").textContent = `linkpace serve --extension-id ${chrome.runtime.id}`;

void (async () => {
  const s = await loadSettings();
  const stored = await chrome.storage.local.get(["server"]);
  serverInput.value = s?.server ?? (typeof stored.server === "string" ? stored.server : "");
  tokenInput.value = s?.token ?? "";
  await showAccess(s ? s.server : null);
})();
