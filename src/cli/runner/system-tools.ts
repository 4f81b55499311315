/**
 * The owner's clipboard and browser, where the system has them. Nothing here is required: without a clipboard
 * the runner says so and the text stays on screen to select.
 */
import { spawn, spawnSync } from "node:child_process";

const CLIPBOARDS: Array<[string, string[]]> = [
  ["wl-copy", []],
  ["xclip", ["-selection", "clipboard"]],
  ["xsel", ["--clipboard", "--input"]],
  ["pbcopy", []],
  ["clip.exe", []],
];

function has(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

let clipboard: [string, string[]] | null | undefined;

/** Copies `text`; returns the tool used, or null when the system has no clipboard tool. */
export function copyToClipboard(text: string): string | null {
  if (clipboard === undefined) clipboard = CLIPBOARDS.find(([cmd]) => has(cmd)) ?? null;
  if (clipboard === null) return null;
  const [cmd, args] = clipboard;
  const r = spawnSync(cmd, args, { input: text, stdio: ["pipe", "ignore", "ignore"], timeout: 2000 });
  return r.status === 0 ? cmd : null;
}

/** Opens `url` with $BROWSER, else the desktop's opener; returns what it used, or null. */
export function openInBrowser(url: string): string | null {
  const browser = process.env.BROWSER;
  const opener = browser
    ? browser
    : process.platform === "darwin"
      ? "open"
      : process.platform === "win32"
        ? "start"
        : has("xdg-open")
          ? "xdg-open"
          : null;
  if (!opener) return null;
  const child = spawn(opener, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
  return opener;
}
