/**
 * The assisted task runner as a page: `#/runner` lists the accounts with what is due, `#/runner/ACCOUNT` works
 * through one account's tasks as `linkpace work` does (src/cli/commands/work.ts): the same view (task, held,
 * wait), the same keys (outcome keys from the task, r they replied, s skip, o open, c copy, q quit), the text
 * copied when a task appears, a wait re-asked when its time comes and every 15 s, a shown task re-asked every minute (which
 * renews this session's hold on it). Countdowns run on the server's clock (see clockOffset).
 * A sitting is started and stopped here (runner-sitting.tsx); an account on `sittings` pacing with none open
 * shows the next suggested sitting of the plan. The tab's title counts the due tasks and a notification says
 * when a suggested sitting begins (notify.tsx).
 */
import { safeProfileUrl } from "../format";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { get, post } from "../api";
import { ErrorBox, Loading, PageHeader } from "../components/ui";
import { fullName } from "../format";
import { useApi } from "../hooks";
import { href, navigate } from "../router";
import { NotifyButton, useDueSignals } from "../notify";
import { loadPlan, openAt, type OpenSitting } from "../sittings";
import {
  clockOffset,
  COMMAND_KEYS,
  isTyping,
  noteLimitFor,
  replyNotice,
  type AccountInfo,
  type NextView,
  type TaskReplyResult,
  type TasksOverview,
} from "./runner-types";
import { ReplyForm } from "./runner-reply";
import { clock, SittingControl, SittingWaitCard, SuggestedSitting } from "./runner-sitting";
import { AccountChooser } from "./runner-accounts";
import { HeldCard, SessionLog, TaskCard, taskText, WaitCard, type LogEntry } from "./runner-views";
import "./runner.css";

const TICK_MS = 1000;
const WAIT_POLL_MS = 15_000;
/** A shown task is re-asked this often: it renews the hold (the server's lease is 10 minutes). */
const TASK_POLL_MS = 60_000;
/** The account's sitting, the plan and the tab title's count are re-read this often. */
const OVERVIEW_POLL_MS = 15_000;

/** What this browser recorded, per account (times on the server's clock); kept while the page is open, across route changes. */
const sessionLogs = new Map<string, LogEntry[]>();

export function RunnerPage(props: { account: string | null }) {
  return props.account ? <RunnerSession key={props.account} account={props.account} /> : <AccountChooser />;
}

/** An answer of /v1/tasks/next with the server clock measured along with it. */
interface Fetched {
  view: NextView;
  /** Server time minus browser time, in ms. */
  offset: number;
  /** The server time when it answered. */
  serverAt: number;
}

function RunnerSession(props: { account: string }) {
  const { account } = props;
  const info = useApi(() => get<AccountInfo>(`/v1/accounts/${encodeURIComponent(account)}`), [account]);
  const overview = useApi(() => get<TasksOverview>("/v1/tasks"), [], OVERVIEW_POLL_MS);
  // Wrapped, so that null data means "not loaded yet" and a null plan "this server has no plan".
  const plan = useApi(async () => ({ plan: await loadPlan(1) }), [], OVERVIEW_POLL_MS);
  useDueSignals(plan.data?.plan, overview.data);
  const mine = overview.data?.accounts.find((a) => a.account === account) ?? null;
  // The sitting as the last start or stop answered, until the overview's next answer says otherwise.
  const [sitting, setSitting] = useState<OpenSitting | null>(null);
  useEffect(() => setSitting(mine?.sitting ?? null), [mine?.sitting?.from, mine?.sitting?.until]);
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());
  const [log, setLog] = useState<LogEntry[]>(() => sessionLogs.get(account) ?? []);
  // The "they replied" box (key r): the task it was opened on, and the text pasted so far.
  const [replyFor, setReplyFor] = useState<number | null>(null);
  const [replyDraft, setReplyDraft] = useState("");
  const busyRef = useRef(false);
  const firedFor = useRef<Fetched | null>(null);
  const copiedTask = useRef<number | null>(null);
  const lastAsk = useRef(0);

  const addLog = (entry: LogEntry) => {
    setLog((old) => {
      const next = [entry, ...old].slice(0, 100);
      sessionLogs.set(account, next);
      return next;
    });
  };

  /** Copies the task's text; `auto` (a new task appeared) adds to the notice instead of replacing it. */
  const copy = useCallback((text: string, auto: boolean) => {
    if (text === "") return;
    const say = (message: string) => setNotice((n) => (auto ? joinNotice(n, message) : message));
    if (!navigator.clipboard) return say("The clipboard is not available here: select the text to copy it.");
    navigator.clipboard.writeText(text).then(
      () => say("The text is on the clipboard."),
      () => say(`Not copied automatically: press ${COMMAND_KEYS.copy} or Copy.`),
    );
  }, []);

  const ask = useCallback(async () => {
    lastAsk.current = Date.now();
    const sent = Date.now();
    const view = await post<NextView>("/v1/tasks/next", { account });
    const received = Date.now();
    const offset = clockOffset(view.at, sent, received);
    setFetched({ view, offset, serverAt: received + offset });
    setError(null);
    setNow(received);
    if (view.type === "task" && copiedTask.current !== view.task.actionId) {
      copiedTask.current = view.task.actionId;
      copy(taskText(view.task), true);
    }
  }, [account, copy]);

  /** Runs one request at a time, as the terminal's guard does; errors are shown, not thrown. */
  const guard = useCallback(async (fn: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const checkNow = useCallback(() => void guard(ask), [guard, ask]);
  const refresh = () => {
    checkNow();
    overview.reload();
    plan.reload();
  };

  useEffect(() => {
    checkNow();
  }, [checkNow]);

  // Leaving the page (q, a link, another account) lets go of the task on screen, as quitting the terminal
  // runner does: the next runner gets it at once instead of after the hold runs out.
  const shownTask = useRef<number | null>(null);
  shownTask.current = fetched?.view.type === "task" ? fetched.view.task.actionId : null;
  useEffect(
    () => () => {
      if (shownTask.current !== null) post(`/v1/tasks/${shownTask.current}/release`).catch(() => undefined);
    },
    [],
  );

  // The clock: countdowns, the prospect's local time, re-asking when a wait ends and on the poll interval.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (busyRef.current) return;
    const f = fetched;
    const sinceAsk = now - lastAsk.current;
    if (!f) {
      if (error && sinceAsk >= WAIT_POLL_MS) checkNow();
      return;
    }
    const until = f.view.type === "task" ? null : f.view.until === null ? null : Date.parse(f.view.until);
    // Only a time that was still ahead when the server answered: one it had already passed is not re-asked each tick.
    const reached = until !== null && until > f.serverAt && now + f.offset >= until && firedFor.current !== f;
    if (reached) firedFor.current = f;
    if (reached || sinceAsk >= (f.view.type === "task" ? TASK_POLL_MS : WAIT_POLL_MS)) checkNow();
  }, [now, fetched, error, checkNow]);

  const view = fetched?.view ?? null;
  const task = view?.type === "task" ? view.task : null;

  const report = (key: string) =>
    void guard(async () => {
      if (!task) return;
      const outcome = task.outcomes.find((o) => o.key === key);
      if (!outcome) return;
      setNotice(null);
      try {
        await post(`/v1/tasks/${task.actionId}/report`, { key });
        setNotice(`Recorded: ${outcome.label}.`);
        addLog({ at: Date.now() + (fetched?.offset ?? 0), name: fullName(task.prospect), kind: task.kind, outcome: outcome.label });
      } catch (e) {
        setNotice(`Not recorded: ${messageOf(e)}`);
      }
      await ask();
    });

  const skip = () =>
    void guard(async () => {
      if (!task) return;
      setNotice(null);
      try {
        await post(`/v1/tasks/${task.actionId}/skip`);
        setNotice("Skipped; this prospect comes back in 1 day.");
        addLog({ at: Date.now() + (fetched?.offset ?? 0), name: fullName(task.prospect), kind: task.kind, outcome: "skipped" });
      } catch (e) {
        setNotice(`Not skipped: ${messageOf(e)}`);
      }
      await ask();
    });

  const replyOpen = task !== null && replyFor === task.actionId;
  const openReply = () => {
    if (!task) return;
    setNotice(null);
    if (replyFor !== task.actionId) setReplyDraft("");
    setReplyFor(task.actionId);
  };
  const cancelReply = () => {
    setReplyFor(null);
    setReplyDraft("");
    setNotice("No reply recorded.");
  };

  /** Records their reply (the text is optional); what happened is shown, then the next task. */
  const recordReply = () =>
    void guard(async () => {
      if (!task || replyFor !== task.actionId) return;
      const text = replyDraft.trim();
      setNotice(null);
      try {
        const r = await post<TaskReplyResult>(`/v1/tasks/${task.actionId}/reply`, text === "" ? {} : { text });
        setReplyFor(null);
        setReplyDraft("");
        setNotice(replyNotice(r));
        if (r.reply.status !== "nothing") {
          const outcome = r.ended ? "replied, sequence stopped" : "replied";
          addLog({ at: Date.now() + (fetched?.offset ?? 0), name: fullName(task.prospect), kind: task.kind, outcome });
        }
      } catch (e) {
        // The box stays open with its text (a text too long can be cut and sent again).
        setNotice(`Not recorded: ${messageOf(e)}`);
      }
      await ask();
    });

  const open = () => {
    const url = task ? safeProfileUrl(task.prospect.url) : null;
    if (!url) return;
    window.open(url, "_blank", "noopener,noreferrer");
    setNotice(`Opened ${url} in a new tab.`);
  };

  const copyAgain = () => {
    if (task) copy(taskText(task), false);
  };

  // Keys, as in the terminal; anything typed into a field is left alone.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : "";
    // While the reply box is open (its focus elsewhere), Esc closes it and no other key acts.
    if (replyOpen) {
      if (e.key === "Escape") {
        e.preventDefault();
        cancelReply();
      }
      return;
    }
    if (key === COMMAND_KEYS.quit) return navigate("runner");
    if (!task || busyRef.current) return;
    if (key === COMMAND_KEYS.reply) openReply();
    else if (key === COMMAND_KEYS.open) open();
    else if (key === COMMAND_KEYS.copy) copyAgain();
    else if (key === COMMAND_KEYS.skip) skip();
    else if (task.outcomes.some((o) => o.key === key)) report(key);
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    addEventListener("keydown", listener);
    return () => removeEventListener("keydown", listener);
  }, []);

  const serverNow = now + (fetched?.offset ?? 0);
  const acc = info.data?.account ?? null;
  const openSitting = openAt(sitting, serverNow);
  const pacing = mine?.pacing ?? null;
  const next = plan.data ? (plan.data.plan?.accounts.find((a) => a.account === account)?.nextSitting ?? null) : undefined;
  const waitsForSitting = view?.type === "wait" && pacing === "sittings" && !openSitting;

  // A sitting that ends while the page is open: ask again at once (a `sittings` account now waits for the next).
  const openUntil = openSitting?.until ?? null;
  const wasOpen = useRef<string | null>(null);
  useEffect(() => {
    if (wasOpen.current !== null && openUntil === null) refresh();
    wasOpen.current = openUntil;
  }, [openUntil]);

  const sittingChanged = (s: OpenSitting | null) => {
    setSitting(s);
    setNotice(s ? `Sitting started: tasks come back to back until ${clock(s.until)}.` : "Sitting stopped.");
    refresh();
  };
  const control = (primary: boolean) => (
    <SittingControl
      account={account}
      sitting={sitting}
      serverNow={serverNow}
      onChanged={sittingChanged}
      onError={setError}
      lengths
      primary={primary}
    />
  );

  return (
    <>
      <PageHeader title={`Tasks for ${account}`}>
        <NotifyButton />
        <button type="button" onClick={refresh} disabled={busy}>
          Check now
        </button>
        <a class="button runner-quit" href={href("runner")}>
          Quit <kbd>{COMMAND_KEYS.quit}</kbd>
        </a>
      </PageHeader>
      {info.error ? <ErrorBox error={info.error} /> : null}
      {error && !info.error ? <ErrorBox error={error} /> : null}
      {notice ? (
        <p class="notice" role="status" data-testid="notice">
          {notice}
        </p>
      ) : null}
      <div class="runner-sitting-bar" data-testid="sitting-bar" data-pacing={pacing ?? undefined}>
        {pacing === "sittings" ? (
          <span class="badge" title="tasks are handed out only during a sitting">
            works in sittings
          </span>
        ) : pacing === "drip" ? (
          <span class="badge" title="tasks are spread over the working hours; a sitting brings them back to back">
            drip pacing
          </span>
        ) : null}
        {waitsForSitting ? null : control(false)}
        {!openSitting && next && !waitsForSitting ? (
          <span class="muted">
            Next suggested sitting: <SuggestedSitting sitting={next} serverNow={serverNow} />
          </span>
        ) : null}
      </div>
      <div class="runner-layout">
        <div>
          {!view ? (
            error ? null : (
              <Loading />
            )
          ) : view.type === "task" ? (
            <TaskCard
              view={view}
              noteLimit={acc ? noteLimitFor(acc.type) : null}
              accountZone={acc?.timezone ?? null}
              serverNow={serverNow}
              actions={{ busy, onOutcome: report, onSkip: skip, onCopy: copyAgain, onReply: openReply }}
              reply={
                replyOpen ? (
                  <ReplyForm draft={replyDraft} busy={busy} onDraft={setReplyDraft} onRecord={recordReply} onCancel={cancelReply} />
                ) : null
              }
            />
          ) : view.type === "held" ? (
            <HeldCard view={view} serverNow={serverNow} />
          ) : waitsForSitting ? (
            <SittingWaitCard account={account} timezone={acc?.timezone ?? null} next={next} serverNow={serverNow} start={control(true)} />
          ) : (
            <WaitCard view={view} serverNow={serverNow} />
          )}
          <p class="muted small runner-help">
            Keys: the letter on each button records that outcome; <kbd>r</kbd> they replied (paste their reply), <kbd>s</kbd> skip,{" "}
            <kbd>o</kbd> open the profile, <kbd>c</kbd> copy the text, <kbd>q</kbd> quit. Server time{" "}
            <span data-testid="server-time">{new Date(serverNow).toISOString().slice(0, 16).replace("T", " ")}</span> UTC.
          </p>
        </div>
        <SessionLog entries={log} />
      </div>
    </>
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function joinNotice(first: string | null, second: string): string {
  return first ? `${first} ${second}` : second;
}
