/**
 * What the runner page shows for each answer of POST /v1/tasks/next (a task, a task held by another runner, a
 * wait), and the log of this session. Presentational only: the page (runner.tsx) owns the requests and keys
 * (and the "they replied" box, runner-reply.tsx, shown in the task's card).
 * Everything from the API is rendered as text.
 */
import type { ComponentChildren } from "preact";
import { safeProfileUrl } from "../format";
import { fullName } from "../format";
import { COMMAND_KEYS, countCharacters, countdown, VERB, type NextView, type Task } from "./runner-types";

type TaskView = Extract<NextView, { type: "task" }>;

export interface TaskActions {
  busy: boolean;
  onOutcome: (key: string) => void;
  onSkip: () => void;
  onCopy: () => void;
  /** Opens the box for their reply (key r). */
  onReply: () => void;
}

/** "Mon 10:05" in the prospect's zone at the server's now. */
function theirTime(zone: string, serverNow: number): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: zone }).format(
      new Date(serverNow),
    );
  } catch {
    return "–";
  }
}

/** The text to paste: the note of a connect, the text of a message, nothing otherwise. */
export function taskText(task: Task): string {
  return task.kind === "connect" ? (task.note ?? "") : task.kind === "message" ? (task.text ?? "") : "";
}

export function TaskCard(props: {
  view: TaskView;
  noteLimit: number | null;
  accountZone: string | null;
  serverNow: number;
  actions: TaskActions;
  /** The "they replied" box, when open. */
  reply?: ComponentChildren;
}) {
  const { task, recovered } = props.view;
  const { busy } = props.actions;
  const p = task.prospect;
  const zone = p.timezone ?? props.accountZone;
  const url = safeProfileUrl(p.url);
  const text = taskText(task);
  const chars = countCharacters(text);
  const limit = task.kind === "connect" ? props.noteLimit : null;
  const over = limit !== null && chars > limit;
  const role = [p.title, p.company ? `at ${p.company}` : ""].filter(Boolean).join(" ");

  return (
    <section class="card runner-task" aria-labelledby="task-name" data-testid="task" data-kind={task.kind} data-action-id={task.actionId}>
      {recovered ? (
        <div class="warning" role="status">
          A runner stopped while showing this task. <strong>Did you already do it on LinkedIn?</strong> Report what happened:
        </div>
      ) : null}
      <p class="runner-verb">
        <span class="badge" data-kind={task.kind}>
          {VERB[task.kind]}
        </span>
      </p>
      <h2 id="task-name" class="runner-name" data-testid="task-name">
        {fullName(p)}
      </h2>
      {role ? <p class="runner-role">{role}</p> : null}

      <dl class="runner-facts">
        <dt>Their time</dt>
        <dd data-testid="their-time">{zone ? `${theirTime(zone, props.serverNow)} (${zone})` : "–"}</dd>
        <dt>Campaign</dt>
        <dd>{task.campaign ?? "–"}</dd>
        <dt>Profile</dt>
        <dd class="runner-profile">
          <span class="runner-url">{p.url ?? "–"}</span>
          {url ? (
            <a class="button" href={url} target="_blank" rel="noopener noreferrer">
              Open profile <kbd>{COMMAND_KEYS.open}</kbd>
            </a>
          ) : null}
        </dd>
      </dl>

      {task.kind === "connect" || task.kind === "message" ? (
        <div class="runner-text">
          <div class="runner-text-head">
            <span>
              {task.kind === "connect" ? (text === "" ? "Note: none, send the invitation without a note" : "Note") : "Message"}
              {text !== "" ? (
                <span class="runner-count" data-over={over ? "true" : undefined} data-testid="char-count">
                  {" "}
                  ({chars}
                  {limit !== null ? ` / ${limit}` : ""} characters)
                </span>
              ) : null}
            </span>
            {text !== "" ? (
              <button type="button" onClick={props.actions.onCopy}>
                Copy <kbd>{COMMAND_KEYS.copy}</kbd>
              </button>
            ) : null}
          </div>
          {text !== "" ? (
            <pre class="runner-pre" data-testid="task-text">
              {text}
            </pre>
          ) : null}
        </div>
      ) : null}

      <div class="runner-keys" role="group" aria-label="What happened on LinkedIn?">
        {task.outcomes.map((o) => (
          <button
            key={o.key}
            type="button"
            class={o.key === "d" ? "primary" : undefined}
            disabled={busy}
            onClick={() => props.actions.onOutcome(o.key)}
            data-key={o.key}
          >
            <kbd>{o.key}</kbd> {o.label}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={props.actions.onSkip} data-key={COMMAND_KEYS.skip}>
          <kbd>{COMMAND_KEYS.skip}</kbd> skip (not today)
        </button>
        <button type="button" disabled={busy} onClick={props.actions.onReply} data-key={COMMAND_KEYS.reply}>
          <kbd>{COMMAND_KEYS.reply}</kbd> they replied
        </button>
      </div>
      {props.reply ?? null}
    </section>
  );
}

function Countdown(props: { until: number; serverNow: number }) {
  return (
    <strong class="runner-countdown" data-testid="countdown">
      {countdown(props.until - props.serverNow)}
    </strong>
  );
}

/** When a wait ends, in the viewer's zone, to the second (waits are often seconds long). */
function at(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
}

export function WaitCard(props: { view: Extract<NextView, { type: "wait" }>; serverNow: number }) {
  const { view } = props;
  return (
    <section class="card runner-wait" data-testid="wait">
      {view.paused ? (
        <div class="warning" role="status" data-testid="paused">
          <strong>Paused:</strong> {view.paused}
        </div>
      ) : null}
      {view.until === null ? (
        <p>
          Nothing to do now: <span data-testid="wait-reason">{view.reason}</span>.
        </p>
      ) : (
        <p>
          Next task in <Countdown until={Date.parse(view.until)} serverNow={props.serverNow} /> (at {at(view.until)}), waiting for:{" "}
          <span data-testid="wait-reason">{view.reason}</span>.
        </p>
      )}
      <p class="muted">This page asks again when the time comes, and every 15 seconds.</p>
    </section>
  );
}

export function HeldCard(props: { view: Extract<NextView, { type: "held" }>; serverNow: number }) {
  const { view } = props;
  return (
    <section class="card runner-wait" data-testid="held">
      <p>
        Another runner (<code>{view.by}</code>) is showing this account's task
        {view.until ? (
          <>
            {" "}
            until {at(view.until)} (<Countdown until={Date.parse(view.until)} serverNow={props.serverNow} />)
          </>
        ) : null}
        .
      </p>
      <p class="muted">
        Waiting for it to finish… If that runner stopped, its task comes back here once its hold ends, and you are asked whether it was
        done.
      </p>
    </section>
  );
}

export interface LogEntry {
  at: number;
  name: string;
  kind: string;
  outcome: string;
}

export function SessionLog(props: { entries: LogEntry[] }) {
  return (
    <section class="runner-log" aria-labelledby="log-title">
      <h2 id="log-title">Recorded this session</h2>
      {props.entries.length === 0 ? (
        <p class="empty">Nothing yet.</p>
      ) : (
        <ol class="runner-log-list" data-testid="session-log" reversed>
          {props.entries.map((e, i) => (
            <li key={i}>
              <span class="muted">
                {new Date(e.at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" })}
              </span>{" "}
              {e.kind} <strong>{e.name}</strong>: {e.outcome}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
