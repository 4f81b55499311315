/**
 * The pieces the filtered, paginated list pages share (Sent invitations, Replies): filters kept in the hash query
 * (`#/PAGE?campaign=q1&account=alice&page=2`) so they survive reloads and can be linked to, the header with the
 * total, the Campaign and Account selects with a Clear filters link, and the list's loading, empty and pager states. Sources: GET
 * /v1/campaigns and GET /v1/accounts for the selects.
 */
import type { ComponentChildren } from "preact";
import { get, withQuery } from "../api";
import type { ApiSchema } from "../api-json";
import { useApi, type Loaded } from "../hooks";
import { href } from "../router";
import { Pager, type PageInfo } from "./pager";
import { Empty, Loading, PageHeader } from "./ui";

/** The page's header with the list's total (`one` or `many` after it) once it is loaded. */
export function ListHeader(props: { title: string; list: Loaded<{ page: PageInfo }>; testId: string; one: string; many: string }) {
  const total = props.list.data?.page.total;
  return (
    <PageHeader title={props.title}>
      {total !== undefined ? (
        <span class="muted" data-testid={props.testId}>
          {total} {total === 1 ? props.one : props.many}
        </span>
      ) : null}
    </PageHeader>
  );
}

/** The page number in the hash query (1 when absent or not a number). */
export function pageOf(query: URLSearchParams): number {
  return Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
}

/** Changes `route`'s hash query; a change of filter (anything but `page`) starts again at the first page. */
export function setHashQuery(route: string, query: URLSearchParams, changes: Record<string, string>): void {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  if (!("page" in changes)) next.delete("page"); // a new filter starts at the first page
  const qs = next.toString();
  location.hash = qs ? `${href(route)}?${qs}` : href(route);
}

/** The options, with the selected value kept even when it is not (or not yet) among them. */
export function withCurrent(names: string[], current: string): string[] {
  return current && !names.includes(current) ? [current, ...names] : names;
}

export interface ScopeOptions {
  campaigns: Loaded<ApiSchema<"CampaignList">>;
  accounts: Loaded<ApiSchema<"AccountList">>;
}

/** The campaigns and accounts the Campaign and Account filters offer (the page may use them too: the accounts' zones). */
export function useScopeOptions(): ScopeOptions {
  const campaigns = useApi(() => get<ApiSchema<"CampaignList">>(withQuery("/v1/campaigns", { perPage: 500 })), []);
  const accounts = useApi(() => get<ApiSchema<"AccountList">>(withQuery("/v1/accounts", { perPage: 500 })), []);
  return { campaigns, accounts };
}

function NameSelect(props: { id: string; label: string; value: string; names: string[]; onChange: (value: string) => void }) {
  return (
    <div class="inline-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">All</option>
        {withCurrent(props.names, props.value).map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filters form of `route`: the page's own fields (children) first, then Campaign, Account (only when there is
 * more than one account, or one is selected) and, when `filtered`, Clear filters.
 */
export function ScopeFilters(props: {
  route: string;
  query: URLSearchParams;
  campaign: string;
  account: string;
  filtered: boolean;
  options: ScopeOptions;
  children?: ComponentChildren;
}) {
  const { campaigns, accounts } = props.options;
  const campaignNames = campaigns.data?.campaigns.map((c) => c.name) ?? [];
  const accountNames = accounts.data?.accounts.map((a) => a.name) ?? [];
  const set = (k: string) => (v: string) => setHashQuery(props.route, props.query, { [k]: v });
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      {props.children}
      <NameSelect id="filter-campaign" label="Campaign" value={props.campaign} names={campaignNames} onChange={set("campaign")} />
      {accountNames.length > 1 || props.account ? (
        <NameSelect id="filter-account" label="Account" value={props.account} names={accountNames} onChange={set("account")} />
      ) : null}
      {props.filtered ? (
        <a class="clear-filters" href={href(props.route)}>
          Clear filters
        </a>
      ) : null}
    </form>
  );
}

/**
 * A page of a list: Loading (unless the list failed: its ErrorBox says why), the `empty` text, or the rows as
 * `children` renders them, the pager (`noun` after its count) and a closing `footnote`.
 */
export function PagedList<T>(props: {
  route: string;
  query: URLSearchParams;
  list: Loaded<{ page: PageInfo }>;
  rows: T[] | null;
  empty: string;
  noun: string;
  footnote: string;
  children: (rows: T[]) => ComponentChildren;
}) {
  const { list, rows } = props;
  if (rows === null) return list.error ? null : <Loading />;
  if (rows.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <>
      {props.children(rows)}
      {list.data ? (
        <Pager
          page={list.data.page}
          onPage={(n) => setHashQuery(props.route, props.query, { page: n === 1 ? "" : String(n) })}
          noun={props.noun}
        />
      ) : null}
      <p class="muted small">{props.footnote}</p>
    </>
  );
}
