/**
 * Accounts: each sender account's health at a glance. `#/accounts` shows one card per account (today's and the
 * rolling week's usage against the budgets, pending invitations against the cap, notes, acceptance, warm-up,
 * a pause with its reason and end, the next action) and a form to add an account; `#/accounts/NAME` adds the
 * acceptance rate over time and invitations per day. Relative times use the server's clock (its `at`), which may
 * be a virtual one; the settings panel edits the account (account-settings.tsx). Sources: GET /v1/status (polled),
 * GET /v1/accounts/{name} (settings), GET /v1/analytics/accounts/{name}, POST /v1/accounts.
 */
import { useMemo, useState } from "preact/hooks";
import { ApiError, get, post, withQuery } from "../api";
import type { ApiJson, ApiSchema } from "../api-json";
import { BarChart, RateLineChart, UsageBar } from "../components/charts";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { localTime, percent, until } from "../format";
import { useApi } from "../hooks";
import { href } from "../router";
import { noteServerTime, serverNow } from "../server-clock";
import { browserTimeZone, dayLabel, timeZones, zonedDateTime } from "../zones";
import { ACCOUNT_TYPES, AccountSettings, type AccountDocument } from "./account-settings";
import "./accounts.css";

const STATUS_POLL_MS = 10_000;
const ANALYTICS_POLL_MS = 60_000;

/** One account of GET /v1/status. */
export type AccountStatus = ApiSchema<"AccountStatus">;

type StatusResponse = ApiJson<"/v1/status", "get">;

/** GET /v1/analytics/accounts/{name}. */
type AccountAnalytics = ApiJson<"/v1/analytics/accounts/{name}", "get">;

type Warmup = AccountAnalytics["warmup"];

const KINDS: Record<string, string> = { visit: "Profile visit", connect: "Invitation", message: "Message", withdraw: "Withdrawal" };

/** Below this acceptance rate LinkedIn is reported to start restricting accounts. */
const LOW_ACCEPTANCE = 0.25;

const typeLabel = (type: string) => ACCOUNT_TYPES.find((t) => t.value === type)?.label ?? type;
const accountPath = (name: string) => `/v1/accounts/${encodeURIComponent(name)}`;
const analyticsPath = (name: string, days: number) => withQuery(`/v1/analytics/accounts/${encodeURIComponent(name)}`, { days });

/** GET /v1/status (all accounts, or one), noting the server's time for relative times. */
async function loadStatus(account?: string): Promise<StatusResponse> {
  const status = await get<StatusResponse>(withQuery("/v1/status", { account }));
  noteServerTime(status.at);
  return status;
}

export function AccountsPage(props: { name: string | null }) {
  return props.name === null ? <AccountList /> : <AccountDetail key={props.name} name={props.name} />;
}

function AccountList() {
  const status = useApi(() => loadStatus(), [], STATUS_POLL_MS);
  const accounts = status.data?.accounts ?? null;
  return (
    <>
      <PageHeader title="Accounts">{status.data ? <span class="muted">Updated {zonedDateTime(status.data.at)}</span> : null}</PageHeader>
      <ErrorBox error={status.error} />
      {accounts === null ? (
        status.error ? null : (
          <Loading />
        )
      ) : accounts.length === 0 ? (
        <Empty>No accounts yet. Add the LinkedIn account you send from with the form below; its budgets and health will show here.</Empty>
      ) : (
        <div class="cards">
          {accounts.map((a) => (
            <AccountCardLoader key={a.name} status={a} />
          ))}
        </div>
      )}
      <AddAccountForm onAdded={status.reload} />
    </>
  );
}

/** A card on the list page, with its warm-up from the account's analytics. */
function AccountCardLoader(props: { status: AccountStatus }) {
  const name = props.status.name;
  const analytics = useApi(() => get<AccountAnalytics>(analyticsPath(name, 7)), [name], ANALYTICS_POLL_MS);
  return <AccountCard status={props.status} warmup={analytics.data?.warmup ?? null} linked />;
}

function AccountDetail(props: { name: string }) {
  const { name } = props;
  const [days, setDays] = useState(28);
  const status = useApi(() => loadStatus(name), [name], STATUS_POLL_MS);
  const settings = useApi(() => get<{ account: AccountDocument }>(accountPath(name)), [name]);
  const analytics = useApi(() => get<AccountAnalytics>(analyticsPath(name, days)), [name, days], ANALYTICS_POLL_MS);
  const data = status.data?.accounts[0] ?? null;
  return (
    <>
      <p class="crumbs">
        <a href={href("accounts")}>← Accounts</a>
      </p>
      <PageHeader title={name}>
        {data ? (
          <>
            <a class="button" href={href("runner", name)}>
              Open runner
            </a>
            <a class="button" href={`${href("invitations")}?${new URLSearchParams({ account: name }).toString()}`}>
              Sent invitations
            </a>
          </>
        ) : null}
      </PageHeader>
      <ErrorBox error={status.error} />
      {data === null ? (
        status.error ? null : (
          <Loading />
        )
      ) : (
        <div class="account-detail">
          <div class="account-detail-side">
            <AccountCard status={data} warmup={analytics.data?.warmup ?? null} title="Status" />
            {settings.data ? (
              <AccountSettings
                doc={settings.data.account}
                onSaved={() => {
                  settings.reload();
                  status.reload();
                  analytics.reload();
                }}
              />
            ) : (
              <ErrorBox error={settings.error} />
            )}
          </div>
          <section class="card account-history" aria-labelledby="history-title">
            <div class="section-head">
              <h2 id="history-title">Invitations and acceptance</h2>
              <DaysPicker value={days} onChange={setDays} />
            </div>
            <ErrorBox error={analytics.error} />
            {analytics.data ? <History analytics={analytics.data} /> : analytics.error ? null : <Loading />}
          </section>
        </div>
      )}
    </>
  );
}

function DaysPicker(props: { value: number; onChange: (days: number) => void }) {
  return (
    <div class="segmented" role="group" aria-label="Period">
      {[7, 28, 90].map((d) => (
        <button key={d} type="button" aria-pressed={props.value === d} onClick={() => props.onChange(d)}>
          {d} days
        </button>
      ))}
    </div>
  );
}

function History(props: { analytics: AccountAnalytics }) {
  const { days, acceptance } = props.analytics;
  const invited = days.reduce((s, d) => s + d.invited, 0);
  const accepted = days.reduce((s, d) => s + d.accepted, 0);
  const withdrawn = days.reduce((s, d) => s + d.withdrawn, 0);
  const decided = days.reduce((s, d) => s + d.decided, 0);
  return (
    <>
      <dl class="stats">
        <div>
          <dt>Invited</dt>
          <dd data-testid="period-invited">{invited}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd data-testid="period-accepted">{accepted}</dd>
        </div>
        <div>
          <dt>Rate in period</dt>
          <dd
            data-testid="period-rate"
            title={`${accepted} accepted of ${decided} decided (invitations younger than 21 days and unanswered are not decided yet)`}
          >
            {percent(decided === 0 ? null : accepted / decided)}
          </dd>
        </div>
        <div>
          <dt>Withdrawn</dt>
          <dd>{withdrawn}</dd>
        </div>
        <div>
          <dt>Acceptance rate</dt>
          <dd
            title={`over the latest ${acceptance.decided} decided invitations: accepted, declined, withdrawn, or pending 21 days (not accepted)`}
          >
            {percent(acceptance.rate)}
          </dd>
        </div>
      </dl>
      <RateLineChart
        title="Acceptance rate of the invitations sent each day"
        points={days.map((d) => ({
          label: dayLabel(d.date),
          value: d.rate,
          detail: `${d.accepted} accepted of ${d.decided} decided (${d.invited} sent)`,
        }))}
      />
      <BarChart
        title="Invitations sent per day"
        bars={days.map((d) => ({ label: dayLabel(d.date), value: d.invited, detail: `${d.accepted} accepted` }))}
      />
      <p class="muted small">
        Days are the account's calendar days ({props.analytics.timezone}); an invitation counts as accepted on the day it was sent. Rates
        are over decided invitations: accepted, declined, withdrawn, or still pending 21 days after they were sent.
      </p>
    </>
  );
}

/** One account's health: budgets, pending, notes, acceptance, warm-up, pause and next action. */
export function AccountCard(props: { status: AccountStatus; warmup: Warmup | null; linked?: boolean; title?: string }) {
  const s = props.status;
  const tz = s.timezone;
  const lowAcceptance = s.acceptance.rate !== null && s.acceptance.decided >= 10 && s.acceptance.rate < LOW_ACCEPTANCE;
  return (
    <article class="card account-card" data-account={s.name} data-paused={s.paused ? "true" : "false"}>
      <header class="account-head">
        <h2>{props.linked ? <a href={href("accounts", s.name)}>{s.name}</a> : (props.title ?? s.name)}</h2>
        <span class="badge">{typeLabel(s.type)}</span>
        {s.paused ? (
          <span class="badge" data-tone="bad" data-testid="paused-badge">
            Paused
          </span>
        ) : (
          <span class="badge" data-tone="ok">
            Active
          </span>
        )}
      </header>
      <p class="muted account-clock" title="the account's local time">
        {localTime(tz, new Date(serverNow()))}
      </p>

      {s.paused ? (
        <div class="warning paused" role="status">
          <strong>Paused: {s.paused.reason}.</strong> Resumes {zonedDateTime(s.paused.until, tz)} ({until(s.paused.until, serverNow())}).
        </div>
      ) : null}
      {s.limitSignals > 0 ? (
        <div class="warning" role="status">
          LinkedIn signalled a limit {s.limitSignals === 1 ? "once" : `${s.limitSignals} times`} recently; linkpace sends less.
        </div>
      ) : null}
      {s.unreachable && s.unreachable.count > 0 ? (
        <div class="warning" role="status" data-testid="unreachable">
          {s.unreachable.count === 1 ? "1 prospect was" : `${s.unreachable.count} prospects were`} refused at import (
          {Object.entries(s.unreachable.campaigns)
            .map(([name, n]) => `${name}: ${n}`)
            .join(", ")}
          ): the campaign's hours in their zone never meet this account's working hours. Widen either, then import them again.
        </div>
      ) : null}

      <section class="account-section">
        <h3>Today</h3>
        <UsageBar label="Invitations" used={s.today.invites.used} budget={s.today.invites.budget} hint={s.warmup} />
        <UsageBar label="Messages" used={s.today.messages.used} budget={s.today.messages.budget} />
        <UsageBar label="Profile visits" used={s.today.visits.used} budget={s.today.visits.budget} />
      </section>

      <section class="account-section">
        <h3>Rolling 7 days</h3>
        <UsageBar
          label="Invitations"
          used={s.week.invites.used}
          budget={s.week.invites.budget}
          hint={s.week.learned ? "Budget lowered: LinkedIn signalled its weekly limit, so linkpace learned a lower one." : null}
        />
      </section>

      <section class="account-section">
        <h3>Outstanding</h3>
        <UsageBar
          label="Pending invitations"
          used={s.pending.count}
          budget={s.pending.max}
          hint={s.pending.count >= s.pending.max ? "At the cap: no new invitations until some are answered or withdrawn." : null}
        />
        <UsageBar
          label="Notes this month"
          used={s.notes.used}
          budget={s.notes.perMonth}
          hint={
            s.notes.blocked
              ? "Monthly note quota used: invitations follow each campaign's note fallback."
              : s.notes.perMonth === null
                ? "No monthly quota."
                : null
          }
        />
      </section>

      <dl class="facts">
        <div>
          <dt>Acceptance rate</dt>
          <dd>
            <span class="fact-value" data-testid="acceptance-rate" data-tone={lowAcceptance ? "warn" : undefined}>
              {percent(s.acceptance.rate)}
            </span>{" "}
            <span
              class="muted"
              title="over the latest decided invitations: accepted, declined, withdrawn, or pending 21 days (not accepted)"
            >
              {s.acceptance.decided === 0
                ? "no invitation answered yet"
                : `of ${s.acceptance.decided} decided${lowAcceptance ? `; below ${percent(LOW_ACCEPTANCE)} LinkedIn may restrict the account` : ""}`}
            </span>
          </dd>
        </div>
        <div>
          <dt>Warm-up</dt>
          <dd>
            <WarmupView warmup={props.warmup} fallback={s.warmup} />
          </dd>
        </div>
        <div>
          <dt>Next action</dt>
          <dd data-testid="next-action">
            <NextAction next={s.next} timeZone={tz} paused={s.paused !== null} />
          </dd>
        </div>
      </dl>
    </article>
  );
}

function WarmupView(props: { warmup: Warmup | null; fallback: string | null }) {
  const w = props.warmup;
  if (w === null) return <span class="muted">{props.fallback ?? "–"}</span>;
  if (!w.active) return <span class="muted">{w.why ?? `Not limiting: the full ${w.fullDailyCap} invitations a day.`}</span>;
  const fraction = w.fullDailyCap > 0 ? Math.min(1, w.dailyCap / w.fullDailyCap) : 1;
  return (
    <div class="warmup" data-testid="warmup">
      <div class="usage-label">
        <span>{w.day === null ? "Warming up" : `Day ${w.day}`}</span>
        <span class="usage-value">
          {w.dailyCap} / {w.fullDailyCap} invitations a day
        </span>
      </div>
      <svg
        class="usage-bar"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        role="img"
        aria-label={`warm-up: ${w.dailyCap} of ${w.fullDailyCap} invitations a day`}
      >
        <rect class="usage-track" x="0" y="0" width="100" height="8" rx="2" />
        <rect class="warmup-fill" x="0" y="0" width={fraction * 100} height="8" rx="2" />
      </svg>
      {w.why && w.why !== props.fallback ? <div class="usage-hint">{w.why}</div> : null}
    </div>
  );
}

function NextAction(props: { next: AccountStatus["next"]; timeZone: string; paused: boolean }) {
  const n = props.next;
  if (n === null) return <span class="muted">Nothing queued</span>;
  const now = serverNow();
  const due = Date.parse(n.at) <= now;
  return (
    <>
      <span>
        {KINDS[n.kind] ?? n.kind} {due ? <strong>due now</strong> : <>at {zonedDateTime(n.at, props.timeZone)}</>}
      </span>{" "}
      {due ? null : <span class="muted">({until(n.at, now)})</span>}
      {n.waitsFor && !props.paused ? <div class="muted small">Waiting: {n.waitsFor}</div> : null}
    </>
  );
}

/** POST /v1/accounts with the fields a user must decide; everything else keeps the contract's defaults. */
function AddAccountForm(props: { onAdded: () => void }) {
  const zones = useMemo(timeZones, []);
  const [name, setName] = useState("");
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [type, setType] = useState("free");
  const [created, setCreated] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  const invalid = (field: string) =>
    error instanceof ApiError &&
    error.fields.some((f) => f.field === field || f.field.endsWith(`.${field}`) || f.field.endsWith(` ${field}`))
      ? true
      : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const body = { name: name.trim(), timezone, type, ...(created ? { created } : {}) };
      await post("/v1/accounts", body);
      setAdded(body.name);
      setName("");
      setCreated("");
      props.onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card add-account" aria-labelledby="add-account-title">
      <h2 id="add-account-title">Add account</h2>
      <form class="form-grid" onSubmit={submit}>
        <div class="field">
          <label for="account-name">Name</label>
          <input
            id="account-name"
            required
            value={name}
            aria-invalid={invalid("name")}
            placeholder="alice"
            autocomplete="off"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="account-timezone">Time zone</label>
          <select
            id="account-timezone"
            value={timezone}
            aria-invalid={invalid("timezone")}
            onChange={(e) => setTimezone(e.currentTarget.value)}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="account-type">Type</label>
          <select id="account-type" value={type} aria-invalid={invalid("type")} onChange={(e) => setType(e.currentTarget.value)}>
            {ACCOUNT_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="account-created">Created on LinkedIn (optional)</label>
          <input
            id="account-created"
            type="date"
            value={created}
            aria-invalid={invalid("created")}
            onInput={(e) => setCreated(e.currentTarget.value)}
          />
        </div>
        <div class="field field-submit">
          <button type="submit" class="primary" disabled={busy || name.trim() === ""}>
            {busy ? "Adding…" : "Add account"}
          </button>
        </div>
      </form>
      <p class="muted small">
        Free accounts send notes of up to 200 characters, 5 a month; paid ones 300, unlimited. Accounts created less than 90 days ago warm
        up: fewer invitations on their first days. Limits and working hours start at the defaults; change them with Edit on the account's
        page.
      </p>
      <ErrorBox error={error} />
      {added ? (
        <p class="notice" role="status">
          Account “{added}” added.
        </p>
      ) : null}
    </section>
  );
}
