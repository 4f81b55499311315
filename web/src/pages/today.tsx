/**
 * `#/today`: the plan (GET /v1/plan) per account: the sittings suggested for today in the sender's local time,
 * what the engine expects to release by hour of the sender's day, and the coming days in a compact table. A
 * sitting is started (or stopped) next to the current or next suggested one. The plan is the engine's forecast
 * from the governor and the queue; acceptances and replies, which it cannot know, add to it later.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { BarChart } from "../components/charts";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { useApi } from "../hooks";
import { NotifyButton, useDueSignals } from "../notify";
import { href } from "../router";
import {
  hourBars,
  loadPlan,
  openAt,
  PLAN_KINDS,
  sittingKey,
  type PlanAccount,
  type PlanDay,
  type PlanKind,
  type PlanSitting,
} from "../sittings";
import { dayLabel } from "../zones";
import { SittingControl } from "./runner-sitting";
import { countdown } from "./runner-types";
import "./today.css";

const DAYS = 7;
const POLL_MS = 30_000;

const KIND_LABEL: Record<PlanKind, string> = { visit: "Visits", connect: "Invitations", message: "Messages", withdraw: "Withdrawals" };

export function TodayPage() {
  // Wrapped, so that null data means "not loaded yet" and a null plan "this server has no plan".
  const loaded = useApi(async () => ({ plan: await loadPlan(DAYS) }), [], POLL_MS);
  const plan = loaded.data?.plan;
  useDueSignals(plan, null);
  const [error, setError] = useState<unknown>(null);

  return (
    <>
      <PageHeader title="Today">
        <NotifyButton />
        <a class="button" href={href("runner")}>
          Runner
        </a>
      </PageHeader>
      <p class="muted">
        What linkpace expects to release for each account today and on the coming days, and when to sit down for it. Times are in the
        sender's zone. The forecast follows every budget and recipient window; acceptances and replies add messages later.
      </p>
      {loaded.error ? <ErrorBox error={loaded.error} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {plan === undefined ? (
        loaded.error ? null : (
          <Loading />
        )
      ) : plan === null ? (
        <Empty>This server does not make plans yet (no GET /v1/plan): update linkpace to see the day ahead.</Empty>
      ) : plan.accounts.length === 0 ? (
        <Empty>
          No accounts yet: add one on the <a href={href("accounts")}>Accounts</a> page, then import prospects into a campaign.
        </Empty>
      ) : (
        <div class="today-accounts">
          {plan.accounts.map((a) => (
            <AccountPlanCard
              key={a.account}
              plan={a}
              serverNow={Date.parse(plan.at)}
              onChanged={() => {
                setError(null);
                loaded.reload();
              }}
              onError={setError}
            />
          ))}
        </div>
      )}
    </>
  );
}

function AccountPlanCard(props: { plan: PlanAccount; serverNow: number; onChanged: () => void; onError: (e: unknown) => void }) {
  const a = props.plan;
  const now = props.serverNow;
  const today = a.days[0] ?? null;
  const queued = a.days.some((d) => d.total > 0);
  const open = openAt(a.sitting, now);
  const control = (
    <SittingControl account={a.account} sitting={a.sitting} serverNow={now} onChanged={props.onChanged} onError={props.onError} />
  );
  return (
    <section class="card today-account" data-account={a.account} aria-labelledby={`today-${a.account}`}>
      <div class="section-head">
        <h2 id={`today-${a.account}`}>
          <a href={href("runner", a.account)}>{a.account}</a>
        </h2>
        <span class="today-meta">
          <span class="badge" data-testid="pacing">
            {a.pacing === "sittings" ? "works in sittings" : "drip pacing"}
          </span>{" "}
          <span class="muted small">{a.timezone} time</span>
        </span>
      </div>
      <div class="today-due">
        <span>
          <strong data-testid="due-now">{a.dueNow}</strong> {a.dueNow === 1 ? "task" : "tasks"} due now
        </span>
        {open ? control : null}
      </div>

      {!queued ? (
        <Empty>
          Nothing queued for {a.account}: import prospects into one of its campaigns on the <a href={href("import")}>Import</a> page, or
          wait for the ones enrolled to come due.
        </Empty>
      ) : (
        <>
          <h3>Sittings today{today ? ` (${dayLabel(today.date)})` : ""}</h3>
          <TodaySittings account={a} day={today} now={now} control={open ? null : control} />
          {today && today.total > 0 ? (
            <div data-testid="by-hour">
              <BarChart bars={hourBars(today)} title={`Expected today by hour (${a.timezone}), ${today.total} in all`} />
            </div>
          ) : (
            <p class="muted">Nothing is expected for the rest of today.</p>
          )}
          <ComingDays days={a.days} />
        </>
      )}
    </section>
  );
}

/** The day's suggested sittings, the current or next one with the start button beside it. */
function TodaySittings(props: { account: PlanAccount; day: PlanDay | null; now: number; control: ComponentChildren }) {
  const { account: a, day, now } = props;
  const sittings = day?.sittings ?? [];
  const nextKey = a.nextSitting ? sittingKey(a.account, a.nextSitting) : null;
  if (sittings.length === 0)
    return (
      <div class="today-sittings-empty">
        <p class="muted" data-testid="no-sittings">
          {a.pacing === "sittings"
            ? "No sitting today: nothing more can go out today within the budgets and the recipients' windows."
            : "Drip pacing: the tasks come spread over the working hours. A sitting still brings the due ones back to back."}
        </p>
        {a.nextSitting ? (
          <p>
            Next suggested sitting: <SittingTime sitting={a.nextSitting} now={now} />
          </p>
        ) : null}
        {props.control}
      </div>
    );
  return (
    <ol class="today-sittings" data-testid="sittings">
      {sittings.map((s) => {
        const key = sittingKey(a.account, s);
        const state = Date.parse(s.until) <= now ? "past" : Date.parse(s.from) <= now ? "now" : "later";
        return (
          <li key={key} data-state={state} data-testid="sitting">
            <SittingTime sitting={s} now={now} />
            {key === nextKey ? <span class="today-start">{props.control}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

function SittingTime(props: { sitting: PlanSitting; now: number }) {
  const s = props.sitting;
  const from = Date.parse(s.from);
  const until = Date.parse(s.until);
  return (
    <span class="today-sitting">
      <strong class="today-local">{s.local}</strong>{" "}
      <span>
        {s.tasks} task{s.tasks === 1 ? "" : "s"}
      </span>
      {s.label ? (
        <span class="badge" title={s.zones.join(", ")}>
          {s.label}
        </span>
      ) : null}
      <span class="muted small">
        {until <= props.now ? "done" : from <= props.now ? "under way" : `in ${countdown(from - props.now)}`}
        {s.zones.length > 0 && s.label !== s.zones.join(", ") ? ` · ${s.zones.join(", ")}` : ""}
      </span>
    </span>
  );
}

function ComingDays(props: { days: PlanDay[] }) {
  return (
    <div class="table-scroll">
      <table class="data today-days" data-testid="coming-days">
        <caption class="muted small">The coming days</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" class="num">
              Total
            </th>
            {PLAN_KINDS.map((k) => (
              <th key={k} scope="col" class="num">
                {KIND_LABEL[k]}
              </th>
            ))}
            <th scope="col">Sittings</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((d, i) => (
            <tr key={d.date} data-date={d.date}>
              <th scope="row">
                {weekday(d.date)} {dayLabel(d.date)}
                {i === 0 ? <span class="muted small"> today</span> : null}
              </th>
              <td class="num" data-testid="day-total">
                {d.total}
              </td>
              {PLAN_KINDS.map((k) => (
                <td key={k} class="num">
                  {d.byKind[k] ?? 0}
                </td>
              ))}
              <td class="small">{d.sittings.length === 0 ? <span class="muted">–</span> : d.sittings.map((s) => s.local).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Mon" for a calendar date, without moving it through any zone. */
function weekday(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? "" : new Intl.DateTimeFormat(undefined, { weekday: "short", timeZone: "UTC" }).format(d);
}
