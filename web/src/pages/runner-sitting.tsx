/**
 * Sittings in the runner: the Start/Stop sitting control (30 minutes unless another length is picked, the end
 * shown while one is open), and what an account on `sittings` pacing shows while no sitting is open: that it
 * works only in sittings, and the next suggested one from the plan instead of a bare countdown.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { DEFAULT_SITTING_MINUTES, openAt, startSitting, stopSitting, type OpenSitting, type PlanSitting } from "../sittings";
import { countdown } from "./runner-types";

const LENGTHS = [15, 30, 45, 60, 90, 120];

/** A time of day in the viewer's zone, e.g. "09:30". */
export function clock(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/**
 * Start or stop the account's sitting. `onChanged` runs after the server answered (the page then asks for a
 * task); errors are handed to `onError`.
 */
export function SittingControl(props: {
  account: string;
  sitting: OpenSitting | null;
  serverNow: number;
  onChanged: (sitting: OpenSitting | null) => void;
  onError: (e: unknown) => void;
  /** Offer the length picker (the runner page) or start with the default length (tables). */
  lengths?: boolean;
  primary?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [minutes, setMinutes] = useState(DEFAULT_SITTING_MINUTES);
  const open = openAt(props.sitting, props.serverNow);
  const run = (fn: () => Promise<OpenSitting | null>) => {
    setBusy(true);
    fn().then(
      (s) => {
        setBusy(false);
        props.onChanged(s);
      },
      (e: unknown) => {
        setBusy(false);
        props.onError(e);
      },
    );
  };
  if (open)
    return (
      <span class="sitting-control" data-testid="sitting-open" data-account={props.account}>
        <span>
          Sitting until <strong data-testid="sitting-until">{clock(open.until)}</strong>{" "}
          <span class="muted">({countdown(Date.parse(open.until) - props.serverNow)} left)</span>
        </span>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await stopSitting(props.account);
              return null;
            })
          }
        >
          Stop sitting
        </button>
      </span>
    );
  return (
    <span class="sitting-control" data-account={props.account}>
      {props.lengths ? (
        <label class="sitting-length">
          <span class="muted small">Sitting length</span>
          <select value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {LENGTHS.map((m) => (
              <option key={m} value={String(m)}>
                {m} min
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button
        type="button"
        class={props.primary ? "primary" : undefined}
        disabled={busy}
        title="Tasks come back to back until it ends; every budget and recipient window still applies"
        onClick={() => run(() => startSitting(props.account, props.lengths ? minutes : DEFAULT_SITTING_MINUTES))}
      >
        Start sitting
      </button>
    </span>
  );
}

/** "today 15:30-15:50 for US East, 11 tasks": a suggested sitting in the sender's local time. */
export function SuggestedSitting(props: { sitting: PlanSitting; serverNow: number }) {
  const s = props.sitting;
  const from = Date.parse(s.from);
  const now = props.serverNow;
  return (
    <span data-testid="next-sitting">
      <strong>{s.local}</strong>
      {s.label ? ` for ${s.label}` : ""}, {s.tasks} task{s.tasks === 1 ? "" : "s"}{" "}
      <span class="muted">
        ({from <= now ? "under way" : `in ${countdown(from - now)}`}
        {s.zones.length > 0 ? `; ${s.zones.join(", ")}` : ""})
      </span>
    </span>
  );
}

/** Instead of a countdown, for an account that works only in sittings and has none open. */
export function SittingWaitCard(props: {
  account: string;
  timezone: string | null;
  /** undefined: the plan is not known (yet, or on this server); null: nothing suggested. */
  next: PlanSitting | null | undefined;
  serverNow: number;
  start: ComponentChildren;
}) {
  return (
    <section class="card runner-wait" data-testid="sitting-wait">
      <p>
        <strong>{props.account}</strong> works in sittings: tasks are handed out only while a sitting is open, back to back.
      </p>
      {props.next === undefined ? null : props.next === null ? (
        <p data-testid="no-next-sitting">No sitting is suggested in the coming days: nothing is queued within the budgets.</p>
      ) : (
        <p>
          Next suggested sitting{props.timezone ? ` (${props.timezone} time)` : ""}:{" "}
          <SuggestedSitting sitting={props.next} serverNow={props.serverNow} />.
        </p>
      )}
      <p class="runner-sitting-start">{props.start}</p>
      <p class="muted">This page asks again every 15 seconds.</p>
    </section>
  );
}
