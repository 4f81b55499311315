/**
 * Campaigns: `#/campaigns` lists them with their enrollment counts, pause/resume, stop and delete (each asks for a
 * confirmation first) and a link to copy one in the editor; `#/campaigns/NAME` shows the funnel (enrolled → visited → invited → accepted → messaged → replied),
 * acceptance by step and by the recipient's hour of day, each step's variants (docs/variants.md: rate with its 95%
 * interval and probability of being best), and the campaign's enrollments. Sources:
 * GET /v1/campaigns[/{name}], POST /v1/campaigns/{name}/pause|resume|stop, DELETE /v1/campaigns/{name},
 * GET /v1/analytics/campaigns/{name}, GET /v1/enrollments, POST /v1/enrollments/{id}/remove, GET /v1/status?account= (the sender's zone for dates, the server's time for "due").
 */
import { safeProfileUrl } from "../format";
import { useState } from "preact/hooks";
import { get, post, request, withQuery } from "../api";
import type { ApiSchema } from "../api-json";
import { BarChart, Funnel, IntervalBarChart } from "../components/charts";
import { ConfirmedButton } from "../components/confirmed-button";
import { EraseButton } from "../components/erase-button";
import { Pager } from "../components/pager";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { fullName, percent, rateWithInterval } from "../format";
import { useApi } from "../hooks";
import { href, navigate } from "../router";
import { noteServerTime, serverNow } from "../server-clock";
import { compactDate, zonedDate, zonedDateTime } from "../zones";
import "./campaigns.css";

/** GET /v1/analytics/campaigns/{name}. `bySteps[].base`: what the rate is over (a connect's decided invitations, a message step's messages sent, else reached). */
type CampaignAnalytics = ApiSchema<"CampaignAnalytics">;

/** What a step's rate is over, by kind. */
const RATE_BASE: Record<string, string> = { connect: "decided invitations", message: "messages sent" };

type Enrollment = ApiSchema<"Enrollment">;

type EnrollmentStatus = Enrollment["status"];

const ENROLLMENT_STATUSES: Array<{ value: EnrollmentStatus; label: string; tone?: string }> = [
  { value: "ready", label: "Scheduled" },
  { value: "in_flight", label: "In progress", tone: "warn" },
  { value: "invited", label: "Invited" },
  { value: "done", label: "Done", tone: "ok" },
];

const KINDS: Record<string, string> = { visit: "visit", connect: "invitation", message: "message", withdraw: "withdrawal" };
const ENROLLMENTS_PER_PAGE = 25;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const campaignPath = (name: string) => `/v1/campaigns/${encodeURIComponent(name)}`;
const invitationsHref = (campaign: string) => `${href("invitations")}?${new URLSearchParams({ campaign }).toString()}`;

export function CampaignsPage(props: { name: string | null }) {
  return props.name === null ? <CampaignList /> : <CampaignDetail key={props.name} name={props.name} />;
}

function CampaignList() {
  const [page, setPage] = useState(1);
  const list = useApi(() => get<ApiSchema<"CampaignList">>(withQuery("/v1/campaigns", { page, perPage: 50 })), [page], 30_000);
  const [actionError, setActionError] = useState<unknown>(null);
  const campaigns = list.data?.campaigns ?? null;
  return (
    <>
      <PageHeader title="Campaigns">
        <a class="button" href={href("editor")}>
          New campaign
        </a>
      </PageHeader>
      <ErrorBox error={list.error} />
      <ErrorBox error={actionError} />
      {campaigns === null ? (
        list.error ? null : (
          <Loading />
        )
      ) : campaigns.length === 0 ? (
        <Empty>
          No campaigns yet. Write one in the <a href={href("editor")}>campaign editor</a>, then{" "}
          <a href={href("import")}>import prospects</a> into it.
        </Empty>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data campaigns-table">
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col">Account</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Active
                  </th>
                  <th scope="col" class="num">
                    Invited
                  </th>
                  <th scope="col" class="num">
                    Done
                  </th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.name} data-campaign={c.name}>
                    <td>
                      <a href={href("campaigns", c.name)}>{c.name}</a>
                    </td>
                    <td>
                      <a href={href("accounts", c.account)}>{c.account}</a>
                    </td>
                    <td>
                      <CampaignStatusBadge status={c.status} />
                    </td>
                    <td class="num" data-testid="count-active">
                      {c.enrollments.active}
                    </td>
                    <td class="num" data-testid="count-invited">
                      {c.enrollments.invited}
                    </td>
                    <td class="num" data-testid="count-done">
                      {c.enrollments.done}
                    </td>
                    <td>
                      <div class="row-actions">
                        <PauseButton name={c.name} status={c.status} onDone={list.reload} onError={setActionError} />
                        <StopOrDeleteButton name={c.name} status={c.status} onDone={list.reload} onError={setActionError} />
                        <a href={href("campaigns", c.name)}>Details</a>
                        <a href={href("editor", c.name)}>Copy in editor</a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data ? <Pager page={list.data.page} onPage={setPage} noun="campaigns" /> : null}
        </>
      )}
    </>
  );
}

function CampaignStatusBadge(props: { status: string }) {
  return (
    <span class="badge" data-tone={props.status === "active" ? "ok" : "warn"} data-testid="campaign-status">
      {props.status}
    </span>
  );
}

/**
 * Stop an active or paused campaign for good, or delete a stopped one, each after a confirmation; then say what
 * happened and let the page reload. A refused delete (withdrawals or tasks still pending) shows the server's reason.
 */
function StopOrDeleteButton(props: { name: string; status: string; onDone: (deleted: boolean) => void; onError: (e: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const stopped = props.status === "stopped";
  const click = async () => {
    const question = stopped
      ? `Delete campaign ${props.name}? Its enrollments and the texts it sent are removed for good. The account's past actions stay, without names, for its budgets.`
      : `Stop campaign ${props.name} for good? Every enrollment ends and nothing more is sent, except that pending invitations are still withdrawn on schedule. A stopped campaign cannot be resumed.`;
    if (!confirm(question)) return;
    setBusy(true);
    props.onError(null);
    try {
      const out = stopped
        ? await request<ApiSchema<"CampaignDeleted">>("DELETE", campaignPath(props.name))
        : await post<ApiSchema<"CampaignStopped">>(`${campaignPath(props.name)}/stop`);
      setDone(out.summary);
      props.onDone(stopped);
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  };
  const label = stopped ? "Delete" : "Stop";
  return (
    <>
      <button type="button" class="danger" disabled={busy} onClick={click} aria-label={`${label} ${props.name}`}>
        {label}
      </button>
      {done ? (
        <span class="muted small" role="status" data-testid="campaign-action-done">
          {done}
        </span>
      ) : null}
    </>
  );
}

/** Pause or resume a campaign, then let the page reload. A stopped campaign has neither. */
function PauseButton(props: { name: string; status: string; onDone: () => void; onError: (e: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  if (props.status === "stopped") return null;
  const verb = props.status === "paused" ? "resume" : "pause";
  const click = async () => {
    setBusy(true);
    props.onError(null);
    try {
      await post(`${campaignPath(props.name)}/${verb}`);
      props.onDone();
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} onClick={click} aria-label={`${verb === "pause" ? "Pause" : "Resume"} ${props.name}`}>
      {verb === "pause" ? "Pause" : "Resume"}
    </button>
  );
}

function CampaignDetail(props: { name: string }) {
  const { name } = props;
  const campaign = useApi(() => get<ApiSchema<"OneCampaign">>(campaignPath(name)), [name], 30_000);
  const analytics = useApi(() => get<CampaignAnalytics>(`/v1/analytics/campaigns/${encodeURIComponent(name)}`), [name], 30_000);
  const accountName = campaign.data?.campaign.account ?? null;
  // The sender's zone for dates, and the server's time for "due since".
  const account = useApi(
    async () => {
      if (accountName === null) return null;
      const status = await get<ApiSchema<"Status">>(withQuery("/v1/status", { account: accountName }));
      noteServerTime(status.at);
      return status.accounts[0] ?? null;
    },
    [accountName],
    30_000,
  );
  const timeZone = account.data?.timezone ?? null;
  const [actionError, setActionError] = useState<unknown>(null);
  // A stop ends enrollments: the list below is read again (a new key) along with the campaign.
  const [stops, setStops] = useState(0);
  const c = campaign.data?.campaign ?? null;

  return (
    <>
      <p class="crumbs">
        <a href={href("campaigns")}>← Campaigns</a>
      </p>
      <PageHeader title={name}>
        {c ? (
          <>
            <CampaignStatusBadge status={c.status} />
            <PauseButton name={name} status={c.status} onDone={campaign.reload} onError={setActionError} />
            <StopOrDeleteButton
              name={name}
              status={c.status}
              onDone={(deleted) => {
                if (deleted) return navigate("campaigns");
                campaign.reload();
                setStops((n) => n + 1);
              }}
              onError={setActionError}
            />
            <a class="button" href={invitationsHref(name)}>
              Sent invitations
            </a>
            {campaign.data?.campaign.status !== "stopped" ? (
              <a class="button" href={href("editor", name, "edit")}>
                Edit
              </a>
            ) : null}
            <a class="button" href={href("editor", name)}>
              Copy in editor
            </a>
          </>
        ) : null}
      </PageHeader>
      <ErrorBox error={campaign.error} />
      <ErrorBox error={actionError} />
      {c ? (
        <>
          <p class="campaign-meta muted">
            Sends as <a href={href("accounts", c.account)}>{c.account}</a>
            {timeZone ? ` (${timeZone})` : ""} · created {zonedDate(c.createdAt, timeZone)} ·{" "}
            {plural(Array.isArray(c.definition.steps) ? c.definition.steps.length : 0, "step")}
          </p>
          <dl class="stats">
            <div>
              <dt>Active</dt>
              <dd data-testid="campaign-active">{c.enrollments.active}</dd>
            </div>
            <div>
              <dt>Invited, pending</dt>
              <dd data-testid="campaign-invited">{c.enrollments.invited}</dd>
            </div>
            <div>
              <dt>Done</dt>
              <dd data-testid="campaign-done">{c.enrollments.done}</dd>
            </div>
            {Object.entries(c.enrollments.endReasons).map(([reason, n]) => (
              <div key={reason}>
                <dt>Ended: {reason.replace(/_/g, " ")}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : campaign.error ? null : (
        <Loading />
      )}

      {c ? (
        <>
          <ErrorBox error={analytics.error} />
          {analytics.data ? <CampaignAnalyticsView analytics={analytics.data} /> : analytics.error ? null : <Loading />}
          <EnrollmentsTable key={stops} campaign={name} timeZone={timeZone} />
        </>
      ) : null}
    </>
  );
}

function CampaignAnalyticsView(props: { analytics: CampaignAnalytics }) {
  const { funnel, bySteps, byHour } = props.analytics;
  const invitedByHour = byHour.reduce((s, h) => s + h.invited, 0);
  return (
    <div class="campaign-analytics">
      <section class="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">Funnel</h2>
        {funnel.length === 0 || funnel[0]!.count === 0 ? (
          <Empty>Nobody enrolled yet: import prospects into this campaign.</Empty>
        ) : (
          <Funnel stages={funnel} />
        )}
        <p class="muted small">
          Accepted is of the decided invitations: accepted, declined, withdrawn, or still pending 21 days after they were sent. Each other
          rate is of the stage before it that this campaign has (no visit step: invited is of enrolled), plus those who got there without
          it: connections are messaged without an invitation, and a note can be answered before any message.
        </p>
      </section>

      <section class="card by-hour" aria-labelledby="by-hour-title">
        <h2 id="by-hour-title">Acceptance by the recipient's hour</h2>
        {invitedByHour === 0 ? (
          <Empty>No invitations sent yet.</Empty>
        ) : (
          <>
            <BarChart
              title={
                byHour.some((h) => h.learned !== null)
                  ? "Acceptance rate, by the recipient's local hour when the invitation was sent (bars); what linkpace learnt across the workspace (dark lines)"
                  : "Acceptance rate, by the recipient's local hour when the invitation was sent"
              }
              max={1}
              format={(v) => percent(v)}
              line={{ values: byHour.map((h) => h.learned), label: "learnt" }}
              bars={byHour.map((h) => ({
                label: String(h.hour),
                value: h.rate ?? 0,
                detail: `${h.accepted} accepted of ${h.decided} decided (${h.invited} sent)`,
              }))}
            />
            <BarChart
              title="Invitations sent, by the same hour"
              bars={byHour.map((h) => ({ label: String(h.hour), value: h.invited, detail: `${h.accepted} accepted` }))}
            />
          </>
        )}
      </section>

      {props.analytics.variants.map((v) => (
        <VariantsSection key={v.step} step={v} />
      ))}

      <section class="card by-step" aria-labelledby="by-step-title">
        <h2 id="by-step-title">Acceptance by step</h2>
        {bySteps.length === 0 ? (
          <Empty>This campaign has no steps.</Empty>
        ) : (
          <table class="data">
            <thead>
              <tr>
                <th scope="col" class="num">
                  Step
                </th>
                <th scope="col">Kind</th>
                <th scope="col" class="num">
                  Reached
                </th>
                <th scope="col">Outcome</th>
                <th scope="col" class="num">
                  Count
                </th>
                <th scope="col" class="num">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {bySteps.map((s) => (
                <tr key={s.step} data-step={s.step}>
                  <td class="num">{s.step + 1}</td>
                  <td>{s.kind}</td>
                  <td class="num">{s.reached}</td>
                  <td>{s.outcome}</td>
                  <td class="num" data-testid={`step-${s.step}-outcome`}>
                    {s.outcomeCount}
                  </td>
                  <td class="num" title={`${s.outcomeCount} of ${s.base} ${RATE_BASE[s.kind] ?? "reached"}`}>
                    {percent(s.rate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

type StepVariants = CampaignAnalytics["variants"][number];

/** One step's variants: what each sent and got, its rate with the interval, the chance it is the best; and the rates as bars. */
function VariantsSection(props: { step: StepVariants }) {
  const { step } = props;
  const titleId = `variants-${step.step}-title`;
  const success = step.outcome === "accepted" ? "Accepted" : "Replied";
  return (
    <section class="card variants-card" aria-labelledby={titleId} data-testid={`variants-step-${step.step + 1}`}>
      <h2 id={titleId}>
        Variants: step {step.step + 1} ({step.kind === "connect" ? "note" : "message"})
      </h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">State</th>
            <th scope="col" class="num">
              Sent
            </th>
            <th scope="col" class="num">
              Decided
            </th>
            <th scope="col" class="num">
              {success}
            </th>
            <th scope="col" class="num">
              Rate (95% interval)
            </th>
            <th scope="col" class="num">
              P(best)
            </th>
          </tr>
        </thead>
        <tbody>
          {step.variants.map((v) => (
            <tr key={v.key} data-variant={v.name} data-state={v.state}>
              <td>
                <strong>{v.name}</strong>
              </td>
              <td>
                {v.state}
                {v.winner ? <strong class="winner"> · winner</strong> : null}
              </td>
              <td class="num">{v.sent}</td>
              <td class="num">{v.decided}</td>
              <td class="num">{v.successes}</td>
              <td class="num">{rateWithInterval(v)}</td>
              <td class="num">{percent(v.probabilityBest)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {step.variants.some((v) => v.rate !== null) ? (
        <IntervalBarChart
          title={`${success} over decided, with the 95% interval`}
          bars={step.variants.map((v) => ({
            label: v.name,
            value: v.rate,
            low: v.low,
            high: v.high,
            detail: `${v.successes} of ${v.decided} decided, ${v.sent} sent`,
          }))}
        />
      ) : (
        <p class="muted small">
          Nothing decided yet: the rates appear once {step.kind === "connect" ? "invitations" : "messages"} are decided.
        </p>
      )}
      <p class="muted small">
        A rate is over decided {step.kind === "connect" ? "invitations" : "messages"} only; P(best) is the chance of being the best of the
        step's active variants. See docs/variants.md.
      </p>
    </section>
  );
}

function EnrollmentsTable(props: { campaign: string; timeZone: string | null }) {
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const list = useApi(
    () =>
      get<ApiSchema<"EnrollmentList">>(
        withQuery("/v1/enrollments", { campaign: props.campaign, status, page, perPage: ENROLLMENTS_PER_PAGE }),
      ),
    [props.campaign, status, page],
    30_000,
  );
  const rows = list.data?.enrollments ?? null;
  const tz = props.timeZone;
  return (
    <section class="card enrollments" aria-labelledby="enrollments-title">
      <div class="section-head">
        <h2 id="enrollments-title">Enrollments</h2>
        <div class="inline-field">
          <label for="enrollment-status">Status</label>
          <select
            id="enrollment-status"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setPage(1);
            }}
          >
            <option value="">All</option>
            {ENROLLMENT_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox error={list.error} />
      {rows === null ? (
        list.error ? null : (
          <Loading />
        )
      ) : rows.length === 0 ? (
        <Empty>{status ? "No enrollments with this status." : "No prospects enrolled yet."}</Empty>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Company</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Next step
                  </th>
                  <th scope="col">Next action{tz ? ` (${tz})` : ""}</th>
                  <th scope="col">History</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <EnrollmentRow key={e.id} e={e} timeZone={tz} onChanged={list.reload} />
                ))}
              </tbody>
            </table>
          </div>
          {list.data ? <Pager page={list.data.page} onPage={setPage} noun="enrollments" /> : null}
        </>
      )}
    </section>
  );
}

/** Remove one prospect from the campaign (after a confirmation): it ends `removed`; a pending invitation is still withdrawn. */
function RemoveButton(props: { e: Enrollment; onDone: () => void }) {
  const { e } = props;
  if (e.status === "done") return <span class="muted">–</span>;
  if (e.stopReason !== null)
    return (
      <span class="muted small">
        {e.status === "invited" ? `ends (${e.stopReason}) after its withdrawal` : `ends (${e.stopReason}) after its task`}
      </span>
    );
  const question = () => {
    const who = fullName(e.prospect) || e.prospect.url;
    const pending = e.status === "invited" ? " Their pending invitation is still withdrawn on schedule." : "";
    return `Remove ${who} from ${e.campaign}? Nothing more is sent to them in this campaign.${pending}`;
  };
  const run = async () => {
    await post(`/v1/enrollments/${e.id}/remove`);
    props.onDone();
  };
  return (
    <ConfirmedButton label={`Remove ${fullName(e.prospect)}`} question={question} run={run}>
      Remove
    </ConfirmedButton>
  );
}

function EnrollmentRow(props: { e: Enrollment; timeZone: string | null; onChanged: () => void }) {
  const { e, timeZone: tz } = props;
  const p = e.prospect;
  const s = ENROLLMENT_STATUSES.find((x) => x.value === e.status);
  const history: Array<[string, string | null]> = [
    ["enrolled", e.enrolledAt],
    ["visited", e.visitedAt],
    ["invited", e.invitedAt],
    ["accepted", e.acceptedAt],
    ["replied", e.repliedAt],
    ["withdrawn", e.withdrawnAt],
  ];
  return (
    <tr data-enrollment={e.id}>
      <td>
        <a href={safeProfileUrl(p.url) ?? undefined} target="_blank" rel="noopener noreferrer">
          {fullName(p)}
        </a>
        {p.title ? <div class="muted small">{p.title}</div> : null}
      </td>
      <td>{p.company || <span class="muted">–</span>}</td>
      <td>
        <span class="badge" data-tone={s?.tone}>
          {s?.label ?? e.status}
        </span>
        {e.endReason ? <div class="muted small">{e.endReason.replace(/_/g, " ")}</div> : null}
      </td>
      <td class="num">{e.status === "done" ? "–" : e.step + 1}</td>
      <td class="next-action">
        {e.nextKind && e.readyAt && e.status !== "done" ? (
          <span title={`${zonedDateTime(e.readyAt, p.timezone)} for the prospect (${p.timezone})`}>
            {KINDS[e.nextKind] ?? e.nextKind}, {Date.parse(e.readyAt) <= serverNow() ? "due since " : ""}
            {compactDate(e.readyAt, tz)}
          </span>
        ) : (
          <span class="muted">–</span>
        )}
      </td>
      <td>
        <ul class="history">
          {history
            .filter((h): h is [string, string] => h[1] !== null)
            .map(([what, at]) => (
              <li key={what} title={zonedDateTime(at, tz)}>
                <span class="muted">{what}</span> {compactDate(at, tz, { time: false })}
              </li>
            ))}
        </ul>
      </td>
      <td>
        <RemoveButton e={e} onDone={props.onChanged} />{" "}
        <EraseButton
          personId={e.personId}
          name={fullName(p)}
          url={p.url}
          invitationPending={e.status === "invited"}
          onDone={props.onChanged}
        />
      </td>
    </tr>
  );
}
