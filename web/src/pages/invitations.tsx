/**
 * Sent invitations: the table users otherwise keep in a spreadsheet, filtered by status, campaign and account
 * through the hash query (`#/invitations?status=pending&campaign=q1`), 50 a page, with withdraw for pending
 * ones. Dates are shown in the sending account's zone. Sources: GET /v1/invitations (rows as `linkpace sent
 * --json`, plus `id`), POST /v1/invitations/{id}/withdraw, GET /v1/campaigns and GET /v1/accounts for the
 * filters and zones.
 */
import { safeProfileUrl } from "../format";
import { useState } from "preact/hooks";
import { ApiError, get, post, withQuery } from "../api";
import type { ApiSchema } from "../api-json";
import { Pager } from "../components/pager";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { useApi } from "../hooks";
import { noteServerTime, serverNow } from "../server-clock";
import { href } from "../router";
import { compactDate, zonedDateTime } from "../zones";
import "./invitations.css";

/** One row of GET /v1/invitations (`linkpace sent`'s row, with the enrollment id). */
type Invitation = ApiSchema<"Invitation">;

type InvitationStatus = Invitation["status"];

const STATUSES: Array<{ value: InvitationStatus; label: string; tone?: string }> = [
  { value: "pending", label: "Pending" },
  { value: "accepted", label: "Accepted", tone: "ok" },
  { value: "replied", label: "Replied", tone: "info" },
  { value: "withdrawn", label: "Withdrawn", tone: "muted" },
  { value: "declined", label: "Declined", tone: "bad" },
];

const PER_PAGE = 50;
type Filter = "status" | "campaign" | "account";

/** Changes the hash query: filters are the page's state, so they survive reloads and can be linked to. */
function setQuery(query: URLSearchParams, changes: Partial<Record<Filter | "page", string>>): void {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  if (!("page" in changes)) next.delete("page"); // a new filter starts at the first page
  const qs = next.toString();
  location.hash = qs ? `${href("invitations")}?${qs}` : href("invitations");
}

export function InvitationsPage(props: { query: URLSearchParams }) {
  const q = props.query;
  const status = q.get("status") ?? "";
  const campaign = q.get("campaign") ?? "";
  const account = q.get("account") ?? "";
  const page = Math.max(1, Number.parseInt(q.get("page") ?? "1", 10) || 1);

  const list = useApi(
    () =>
      get<ApiSchema<"InvitationList">>(withQuery("/v1/invitations", { status, campaign, account, page, perPage: PER_PAGE })).then((r) => {
        noteServerTime(r.at);
        return r;
      }),
    [status, campaign, account, page],
  );
  const campaigns = useApi(() => get<ApiSchema<"CampaignList">>(withQuery("/v1/campaigns", { perPage: 500 })), []);
  const accounts = useApi(() => get<ApiSchema<"AccountList">>(withQuery("/v1/accounts", { perPage: 500 })), []);
  const zoneOf = (name: string) => accounts.data?.accounts.find((a) => a.name === name)?.timezone ?? null;

  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Withdrawals asked for in this view: the row stays pending until the engine performs it. */
  const [requested, setRequested] = useState<ReadonlySet<number>>(new Set());

  const withdraw = async (inv: Invitation) => {
    if (
      !confirm(`Withdraw the invitation to ${inv.name || inv.profileUrl}? LinkedIn does not let you invite them again for about 3 weeks.`)
    )
      return;
    setActionError(null);
    setNotice(null);
    try {
      await post(`/v1/invitations/${inv.id}/withdraw`);
      setRequested((s) => new Set(s).add(inv.id));
      setNotice(
        `The withdrawal of the invitation to ${inv.name || inv.profileUrl} is due now; it is done in ${inv.account}'s working hours.`,
      );
    } catch (e) {
      setActionError(e instanceof ApiError && e.status === 409 ? new ApiError(409, `Not withdrawn: ${e.message}`) : e);
    }
    list.reload();
  };

  const filtered = status !== "" || campaign !== "" || account !== "";
  const rows = list.data?.invitations ?? null;
  const campaignNames = campaigns.data?.campaigns.map((c) => c.name) ?? [];
  const accountNames = accounts.data?.accounts.map((a) => a.name) ?? [];

  return (
    <>
      <PageHeader title="Sent invitations">
        {list.data ? (
          <span class="muted" data-testid="invitations-total">
            {list.data.page.total} {list.data.page.total === 1 ? "invitation" : "invitations"}
          </span>
        ) : null}
      </PageHeader>

      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="inline-field">
          <label for="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => setQuery(q, { status: e.currentTarget.value })}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div class="inline-field">
          <label for="filter-campaign">Campaign</label>
          <select id="filter-campaign" value={campaign} onChange={(e) => setQuery(q, { campaign: e.currentTarget.value })}>
            <option value="">All</option>
            {withCurrent(campaignNames, campaign).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {accountNames.length > 1 || account ? (
          <div class="inline-field">
            <label for="filter-account">Account</label>
            <select id="filter-account" value={account} onChange={(e) => setQuery(q, { account: e.currentTarget.value })}>
              <option value="">All</option>
              {withCurrent(accountNames, account).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {filtered ? (
          <a class="clear-filters" href={href("invitations")}>
            Clear filters
          </a>
        ) : null}
      </form>

      <ErrorBox error={actionError} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorBox error={list.error} />

      {rows === null ? (
        list.error ? null : (
          <Loading />
        )
      ) : rows.length === 0 ? (
        <Empty>
          {filtered
            ? "No invitations match these filters."
            : "No invitations sent yet. They appear here once a campaign's connect step has been performed."}
        </Empty>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data invitations-table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Company</th>
                  <th scope="col">Title</th>
                  <th scope="col">Account</th>
                  <th scope="col">Campaign</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Status</th>
                  <th scope="col">Accepted</th>
                  <th scope="col">Replied</th>
                  <th scope="col">Withdrawn</th>
                  <th scope="col">Note</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((inv) => (
                  <InvitationRow
                    key={inv.id}
                    inv={inv}
                    timeZone={zoneOf(inv.account)}
                    requested={requested.has(inv.id)}
                    onWithdraw={() => void withdraw(inv)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {list.data ? (
            <Pager page={list.data.page} onPage={(n) => setQuery(q, { page: n === 1 ? "" : String(n) })} noun="invitations" />
          ) : null}
          <p class="muted small">Dates are in each sending account's time zone; hover a date for the time.</p>
        </>
      )}
    </>
  );
}

/** The options, with the selected value kept even when it is not (or not yet) among them. */
function withCurrent(names: string[], current: string): string[] {
  return current && !names.includes(current) ? [current, ...names] : names;
}

function DateCell(props: { at: string | null; timeZone: string | null }) {
  if (!props.at) return <td class="date muted">–</td>;
  return (
    <td class="date" title={zonedDateTime(props.at, props.timeZone)}>
      <time dateTime={props.at}>{compactDate(props.at, props.timeZone, { time: false })}</time>
    </td>
  );
}

/** A free-text cell cut to the column's width, the whole text in its tooltip. */
function TextCell(props: { text: string }) {
  if (!props.text) return <td class="muted">–</td>;
  return (
    <td class="clip" title={props.text}>
      {props.text}
    </td>
  );
}

function InvitationRow(props: { inv: Invitation; timeZone: string | null; requested: boolean; onWithdraw: () => void }) {
  const { inv, timeZone } = props;
  const s = STATUSES.find((x) => x.value === inv.status);
  return (
    <tr data-invitation={inv.id} data-status={inv.status}>
      <td class="person" title={inv.name}>
        <a href={safeProfileUrl(inv.profileUrl) ?? undefined} target="_blank" rel="noopener noreferrer">
          {inv.name || inv.profileUrl}
        </a>
      </td>
      <TextCell text={inv.company} />
      <TextCell text={inv.title} />
      <td class="name" title={inv.account}>
        <a href={href("accounts", inv.account)}>{inv.account}</a>
      </td>
      <td class="name" title={inv.campaign}>
        <a href={href("campaigns", inv.campaign)}>{inv.campaign}</a>
      </td>
      <DateCell at={inv.sentAt} timeZone={timeZone} />
      <td class="status">
        <span class="badge" data-tone={s?.tone} data-testid="invitation-status">
          {s?.label ?? inv.status}
        </span>
        {inv.status === "pending" && (props.requested || inv.withdrawalAt) ? (
          <div
            class="muted small"
            data-testid="withdrawal"
            title={inv.withdrawalAt ? zonedDateTime(inv.withdrawalAt, timeZone) : undefined}
          >
            {props.requested || (inv.withdrawalAt && Date.parse(inv.withdrawalAt) <= serverNow())
              ? "withdrawal due"
              : `withdrawn if pending on ${compactDate(inv.withdrawalAt, timeZone, { time: false })}`}
          </div>
        ) : null}
      </td>
      <DateCell at={inv.acceptedAt} timeZone={timeZone} />
      <DateCell at={inv.repliedAt} timeZone={timeZone} />
      <DateCell at={inv.withdrawnAt} timeZone={timeZone} />
      {inv.note ? (
        <td class="clip note" title={inv.note}>
          {inv.note}
        </td>
      ) : (
        <td class="muted">no note</td>
      )}
      <td>
        {inv.status === "pending" ? (
          <button
            type="button"
            class="withdraw"
            disabled={props.requested}
            onClick={props.onWithdraw}
            aria-label={`Withdraw invitation to ${inv.name || inv.profileUrl}`}
          >
            Withdraw
          </button>
        ) : null}
      </td>
    </tr>
  );
}
