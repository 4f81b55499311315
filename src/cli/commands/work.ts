import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { App } from "../../app.js";
import { AssistedChannel } from "../../channels/assisted/assisted-channel.js";
import { LinkpaceError } from "../../core/errors.js";
import { formatLocalTime } from "../../core/schedule/index.js";
import { MINUTE, parseInstant } from "../../core/time.js";
import { planFor, type SittingJson } from "../../engine/plan/plan-json.js";
import { DEFAULT_WORKSPACE } from "../../store/store.js";
import { Runner, type RunnerView } from "../runner/runner.js";
import { renderHeader, renderView, taskText } from "../runner/screen.js";
import { copyToClipboard, openInBrowser } from "../runner/system-tools.js";
import { openWorkspaceStore, systemClock, workspaceName, type GlobalOptions } from "../shell.js";

const TICK_MS = 1000;
const POLL_TICKS = 5;

export function registerWorkCommand(program: Command): void {
  program
    .command("work")
    .description("the assisted runner: shows this account's next task when linkpace allows it, you do it on LinkedIn and press one key")
    .requiredOption("--account <name>", "the sender account whose tasks to work through")
    .option("--minutes <n>", "the length of the sitting this starts (an account with pacing: sittings)", "30")
    .option("--no-sitting", "start no sitting now: wait for the next suggested one (the bell rings when it begins)")
    .addHelpText(
      "after",
      "\nAn account whose pacing is `sittings` gets its tasks only during a sitting: work starts one (--minutes long), hands\n" +
        "the tasks out back to back, and stops it when you quit. Left open, it rings the bell and starts the next suggested\n" +
        "sitting when it begins (linkpace plan lists them); g starts one at any time. Sittings: docs/sittings.md.\n" +
        "\nKeys on a task: d done, a already connected, u cannot (no button / profile unavailable), w LinkedIn said the weekly limit is reached,\nn LinkedIn refused the note, x not a connection / nothing pending, r they replied (paste their reply, Enter), s skip,\no open the profile, c copy the text, q quit.",
    )
    .action(async (opts: { account: string; minutes: string; sitting: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const minutes = Number(opts.minutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240)
        throw new LinkpaceError("invalid_input", `--minutes: expected a whole number from 1 to 240 (got "${opts.minutes}")`);
      const { store, workspace } = await openWorkspaceStore(g.db, workspaceName(g));
      const app = new App({ store, channel: new AssistedChannel(), clock: systemClock(), workspaceId: workspace.id });
      try {
        const account = await app.account(opts.account);
        // The lease holder names the workspace too, so `linkpace tasks` shows which runner holds a task.
        const holder = `${workspace.name}/${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
        await new TerminalRunner(app, new Runner(app, opts.account, holder), {
          workspace: workspace.id === DEFAULT_WORKSPACE ? null : workspace.name,
          zone: account.doc.timezone,
          account: account.name,
          sittings: account.doc.pacing === "sittings",
          sitNow: opts.sitting,
          sittingLength: minutes * MINUTE,
        }).run();
      } finally {
        await app.close();
      }
    });
}

/** Terminal I/O around a Runner: keys in, a redrawn screen out, a countdown while waiting. */
class TerminalRunner {
  private view: RunnerView | null = null;
  private notice: string | null = null;
  private busy = false;
  /** The operation running or queued last (guard), and the keys being handled (in order). */
  private lock: Promise<void> = Promise.resolve();
  private input: Promise<void> = Promise.resolve();
  private ticks = 0;
  private copiedTask: number | null = null;
  /** After `r`: the reply's text being typed or pasted (Enter records it, Esc cancels); null otherwise. */
  private replyDraft: string | null = null;
  private finish: (() => void) | null = null;

  /** The next suggested sitting, as the plan last said; the sittings already announced (by their start). */
  private nextSitting: SittingJson | null = null;
  private readonly announced = new Set<string>();
  /** Until when a sitting is open (one this runner started or found), as last known. */
  private sittingUntil: number | null = null;
  private startedSitting = false;

  /**
   * `workspace`: its name unless it is the default one; `zone`: the account's, in which times are shown;
   * `sittings`: the account works in sittings (`sitNow`: start one now, `sittingLength` long).
   */
  constructor(
    private readonly app: App,
    private readonly runner: Runner,
    private readonly where: {
      workspace: string | null;
      zone: string;
      account: string;
      sittings: boolean;
      sitNow: boolean;
      sittingLength: number;
    },
  ) {}

  async run(): Promise<void> {
    const stdin = process.stdin;
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    // Keys are handled in order, each after whatever runs (a refresh): none is lost to a busy moment.
    stdin.on("data", (chunk: string) => {
      this.input = this.input.then(() => this.keys(chunk));
    });
    stdin.on("end", () => void this.quit());
    const timer = setInterval(() => void this.tick(), TICK_MS);
    if (this.where.sittings && this.where.sitNow) await this.startSitting(this.where.sittingLength, null);
    await this.refresh();
    await done;
    clearInterval(timer);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
  }

  private async refresh(): Promise<void> {
    if (this.where.sittings) await this.followPlan();
    this.view = await this.runner.view();
    if (this.view.type === "task" && this.copiedTask !== this.view.task.id) {
      this.copiedTask = this.view.task.id;
      const outcome = this.notice;
      this.copy();
      if (outcome && this.notice !== outcome) this.notice = `${outcome}\n${this.notice ?? ""}`.trimEnd();
    }
    this.draw();
  }

  private copy(): void {
    if (this.view?.type !== "task") return;
    const text = taskText(this.view);
    if (text === "") return;
    const tool = copyToClipboard(text);
    this.notice = tool ? `The text is on the clipboard (${tool}).` : "No clipboard tool found: select the text below to copy it.";
  }

  /** Starts (or extends) a sitting on the account; `announce`: a suggested sitting began (the bell rings). */
  private async startSitting(length: number, announce: SittingJson | null): Promise<void> {
    const account = await this.app.account(this.where.account);
    const sitting = await this.app.engine.setSitting(account.id, this.app.now(), length);
    this.sittingUntil = sitting?.until ?? null;
    this.startedSitting = true;
    if (announce) {
      process.stdout.write("\x07");
      this.notice = `The suggested sitting ${announce.local} begins (${announce.tasks} tasks${announce.label ? ` for ${announce.label}` : ""}).`;
    }
  }

  /** Reads the plan's next sitting, and starts it when it begins (once each). */
  private async followPlan(): Promise<void> {
    const plan = (await planFor(this.app, { account: this.where.account, days: 2 })).accounts[0];
    const now = this.app.now();
    this.sittingUntil = plan?.sitting ? (parseInstant(plan.sitting.until) ?? null) : null;
    this.nextSitting = plan?.nextSitting ?? null;
    const next = this.nextSitting;
    if (!next || this.announced.has(next.from)) return;
    const from = parseInstant(next.from) as number;
    const until = parseInstant(next.until) as number;
    if (from > now || until <= now) return;
    this.announced.add(next.from);
    if (this.sittingUntil === null || this.sittingUntil < until) await this.startSitting(until - now, next);
  }

  /** The line about sittings above a wait: the open one, or the next suggested one and how to start one now. */
  private sittingLine(): string | null {
    if (!this.where.sittings) return null;
    const now = this.app.now();
    if (this.sittingUntil !== null && this.sittingUntil > now)
      return `Sitting open until ${formatLocalTime(this.sittingUntil, this.where.zone)}.`;
    const next = this.nextSitting;
    const suggested = next
      ? `Next suggested sitting: ${next.local} (${next.tasks} tasks${next.label ? ` for ${next.label}` : ""}); the bell rings when it begins.`
      : "No sitting suggested for now.";
    return `No sitting open. ${suggested} Press g to start one now.`;
  }

  private draw(): void {
    if (!this.view) return;
    const now = this.app.now();
    const lines = renderView(this.view, now, this.notice, this.where.zone, this.view.type === "wait" ? this.sittingLine() : null);
    const clear = process.stdout.isTTY ? "\x1b[2J\x1b[H" : "\n";
    process.stdout.write(`${clear}${renderHeader(now, this.where.zone, this.where.workspace)}\n\n${lines.join("\n")}\n`);
  }

  private async tick(): Promise<void> {
    if (this.busy || !this.view) return;
    this.ticks++;
    const due = this.view.type === "wait" && this.view.until !== null && this.view.until <= this.app.now();
    if (due || this.ticks % (this.view.type === "task" ? 60 : POLL_TICKS) === 0) await this.guard(() => this.refresh());
    else if (this.view.type !== "task") this.draw();
  }

  private async keys(chunk: string): Promise<void> {
    for (const key of chunk) {
      if (this.replyDraft !== null && key !== "\u0003" && key !== "\u0004") {
        // Enter ends the reply's text: the rest of a pasted chunk is never taken for keys.
        if (key === "\r" || key === "\n") return this.guard(() => this.sendReply());
        this.draftKey(key);
        continue;
      }
      if (key === "q" || key === "\u0003" || key === "\u0004") return this.quit();
      await this.guard(() => this.key(key));
    }
  }

  private async key(key: string): Promise<void> {
    const view = this.view;
    if (key === "g" && this.where.sittings && view?.type === "wait") {
      await this.startSitting(this.where.sittingLength, null);
      this.notice = `Sitting started for ${this.where.sittingLength / MINUTE} minutes.`;
      return this.refresh();
    }
    if (view?.type !== "task") return;
    if (key === "o") {
      const url = view.task.prospect ?? view.person?.displayUrl ?? "";
      const used = openInBrowser(url);
      this.notice = used ? `Opened ${url} (${used}).` : `No browser opener found: open ${url} yourself.`;
      return this.draw();
    }
    if (key === "c") {
      this.copy();
      return this.draw();
    }
    if (key === "r") {
      this.replyDraft = "";
      return this.drawDraft();
    }
    if (key === "s") this.notice = await this.runner.skip(view.task);
    else if (/^[a-z]$/.test(key)) {
      const r = await this.runner.report(view.task, key);
      this.notice = r.ok ? `Recorded: ${r.label}.` : r.message;
      if (!r.ok && r.message.includes("not an outcome")) return this.draw();
    } else return;
    await this.refresh();
  }

  /** Records the reply typed after `r` (an empty one: no text) for the task on screen. */
  private async sendReply(): Promise<void> {
    const draft = this.replyDraft ?? "";
    this.replyDraft = null;
    if (this.view?.type !== "task") return this.draw();
    this.notice = await this.runner.reply(this.view.task, draft);
    await this.refresh();
  }

  /** A key while the reply's text is typed: Esc cancels, Backspace deletes, anything else is text. */
  private draftKey(key: string): void {
    const draft = this.replyDraft ?? "";
    if (key === "\u001b") {
      this.replyDraft = null;
      this.notice = "No reply recorded.";
      return this.draw();
    }
    this.replyDraft = key === "\u007f" || key === "\b" ? draft.slice(0, -1) : draft + key;
    this.drawDraft();
  }

  private drawDraft(): void {
    this.notice = `Their reply (optional; Enter records it, Esc cancels):\n> ${this.replyDraft ?? ""}`;
    this.draw();
  }

  /** Runs `fn` after the operation in progress, one at a time; an error is shown, not thrown. */
  private guard(fn: () => Promise<void>): Promise<void> {
    const run = this.lock.then(async () => {
      this.busy = true;
      try {
        await fn();
      } catch (e) {
        this.notice = `error: ${(e as Error).message}`;
        this.draw();
      } finally {
        this.busy = false;
      }
    });
    this.lock = run;
    return run;
  }

  private async quit(): Promise<void> {
    await this.runner.letGo(this.view?.type === "task" ? this.view.task : null);
    if (this.startedSitting) {
      // The person leaves: their sitting ends with them.
      const account = await this.app.account(this.where.account);
      await this.app.engine.setSitting(account.id, this.app.now(), 0);
    }
    process.stdout.write("\nbye\n");
    this.finish?.();
  }
}
