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
import { ListHeader, PagedList, pageOf, ScopeFilters, setHashQuery, useScopeOptions } from "../components/filtered-list";
import { ErrorBox } from "../components/ui";
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

const setQuery = (query: URLSearchParams, changes: Partial<Record<Filter, string>>) => setHashQuery("invitations", query, changes);

export function InvitationsPage(props: { query: URLSearchParams }) {
  const q = props.query;
  const status = q.get("status") ?? "";
  const campaign = q.get("campaign") ?? "";
  const account = q.get("account") ?? "";
  const page = pageOf(q);

  const list = useApi(
    () =>
      get<ApiSchema<"InvitationList">>(withQuery("/v1/invitations", { status, campaign, account, page, perPage: PER_PAGE })).then((r) => {
        noteServerTime(r.at);
        return r;
      }),
    [status, campaign, account, page],
  );
  const options = useScopeOptions();
  const zoneOf = (name: string) => options.accounts.data?.accounts.find((a) => a.name === name)?.timezone ?? null;

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

  return (
    <>
      <ListHeader title="Sent invitations" list={list} testId="invitations-total" one="invitation" many="invitations" />

      <ScopeFilters route="invitations" query={q} campaign={campaign} account={account} filtered={filtered} options={options}>
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
      </ScopeFilters>

      <ErrorBox error={actionError} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorBox error={list.error} />

      <PagedList
        route="invitations"
        query={q}
        list={list}
        rows={list.data?.invitations ?? null}
        empty={
          filtered
            ? "No invitations match these filters."
            : "No invitations sent yet. They appear here once a campaign's connect step has been performed."
        }
        noun="invitations"
        footnote="Dates are in each sending account's time zone; hover a date for the time."
      >
        {(rows) => (
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
        )}
      </PagedList>
    </>
  );
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
