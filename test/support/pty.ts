import { spawn, type ChildProcess } from "node:child_process";
import { CLI } from "./cli.js";

/**
 * The CLI in a real pseudo-terminal, through util-linux `script`: raw-mode keys in, the screen out. Tests wait
 * for what the program prints (events), never for time to pass.
 */
export class PtySession {
  private output = "";
  private waiters: Array<{ test: (s: string) => boolean; resolve: () => void }> = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(args: string[], opts: { cwd: string; env: Record<string, string> }) {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    this.child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env, TERM: "xterm" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const onData = (chunk: Buffer): void => {
      this.output += chunk.toString("utf8");
      this.waiters = this.waiters.filter((w) => (w.test(this.output) ? (w.resolve(), false) : true));
    };
    this.child.stdout!.on("data", onData);
    this.child.stderr!.on("data", onData);
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** All the program printed so far. */
  get screen(): string {
    return this.output;
  }

  /** Resolves once the output (after `from`) contains `text`; rejects with the screen after `ms`. */
  waitFor(text: string | RegExp, from = 0, ms = 15_000): Promise<void> {
    const test = (s: string): boolean => (typeof text === "string" ? s.slice(from).includes(text) : text.test(s.slice(from)));
    if (test(this.output)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(text)}; screen:\n${this.output.slice(from)}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Types keys; returns the output position before them, to wait for what follows. */
  press(keys: string): number {
    const mark = this.output.length;
    this.child.stdin!.write(keys);
    return mark;
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }
}
