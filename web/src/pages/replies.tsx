/**
 * Replies people sent, wherever they were recorded (a runner's key r, `linkpace mark … replied`, the API, the
 * LinkedIn archive): who, when (in the viewer's time), the account and campaign, the text when someone pasted it,
 * and whether the owner has handled it, with a toggle; Erase… erases the person everywhere. Filtered through the
 * hash query (`#/replies?show=all`, `&campaign=q1&account=alice`); by default the replies not handled yet. Sources: GET /v1/replies, POST
 * /v1/replies/{id}/handled, DELETE /v1/persons/{id}, GET /v1/campaigns and GET /v1/accounts for the filters.
 */
import { useState } from "preact/hooks";
import { get, post, withQuery } from "../api";
import type { ApiSchema } from "../api-json";
import { EraseButton } from "../components/erase-button";
import { ListHeader, PagedList, pageOf, ScopeFilters, setHashQuery, useScopeOptions } from "../components/filtered-list";
import { ErrorBox } from "../components/ui";
import { safeProfileUrl } from "../format";
import { useApi } from "../hooks";
import { href } from "../router";
import { zonedDateTime } from "../zones";
import "./replies.css";

type Reply = ApiSchema<"Reply">;

const PER_PAGE = 50;
/** `show`: open (not handled, the default), handled, or all. */
const SHOWS = [
  { value: "open", label: "Not handled", handled: false },
  { value: "handled", label: "Handled", handled: true },
  { value: "all", label: "All", handled: undefined },
] as const;
type Filter = "show" | "campaign" | "account";

const setQuery = (query: URLSearchParams, changes: Partial<Record<Filter, string>>) => setHashQuery("replies", query, changes);

export function RepliesPage(props: { query: URLSearchParams }) {
  const q = props.query;
  const show = SHOWS.find((s) => s.value === q.get("show")) ?? SHOWS[0];
  const campaign = q.get("campaign") ?? "";
  const account = q.get("account") ?? "";
  const page = pageOf(q);

  const list = useApi(
    () => get<ApiSchema<"ReplyList">>(withQuery("/v1/replies", { handled: show.handled, campaign, account, page, perPage: PER_PAGE })),
    [show.value, campaign, account, page],
  );
  const options = useScopeOptions();
  const [actionError, setActionError] = useState<unknown>(null);
  /** Toggled in this view: the row keeps its place (and shows its new state) until the list is loaded again. */
  const [toggled, setToggled] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [busy, setBusy] = useState<number | null>(null);

  const toggle = async (reply: Reply, handled: boolean) => {
    setActionError(null);
    setBusy(reply.id);
    try {
      const now = await post<Reply>(`/v1/replies/${reply.id}/handled`, { handled });
      setToggled((m) => new Map(m).set(reply.id, now.handled));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
    }
  };

  const filtered = show.value !== "open" || campaign !== "" || account !== "";

  return (
    <>
      <ListHeader title="Replies" list={list} testId="replies-total" one="reply" many="replies" />

      <ScopeFilters route="replies" query={q} campaign={campaign} account={account} filtered={filtered} options={options}>
        <div class="inline-field">
          <label for="filter-show">Show</label>
          <select
            id="filter-show"
            value={show.value}
            onChange={(e) => setQuery(q, { show: e.currentTarget.value === "open" ? "" : e.currentTarget.value })}
          >
            {SHOWS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </ScopeFilters>

      <ErrorBox error={actionError} />
      <ErrorBox error={list.error} />

      <PagedList
        route="replies"
        query={q}
        list={list}
        rows={list.data?.replies ?? null}
        empty={
          filtered
            ? "No replies match these filters."
            : "No reply waiting. Record one with the runner's key r, the companion's They replied button, or linkpace mark PERSON replied --text …"
        }
        noun="replies"
        footnote="Times are in your browser's time zone."
      >
        {(rows) => (
          <ul class="replies">
            {rows.map((r) => (
              <ReplyItem
                key={r.id}
                reply={r}
                handled={toggled.get(r.id) ?? r.handled}
                busy={busy === r.id}
                onToggle={(handled) => void toggle(r, handled)}
                onErased={list.reload}
              />
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}

function ReplyItem(props: { reply: Reply; handled: boolean; busy: boolean; onToggle: (handled: boolean) => void; onErased: () => void }) {
  const { reply: r } = props;
  const name = r.prospect.fullName || r.prospect.url;
  const role = [r.prospect.title, r.prospect.company].filter(Boolean).join(" at ");
  return (
    <li class="reply" data-reply={r.id} data-handled={props.handled ? "true" : "false"}>
      <div class="reply-head">
        <a class="who" href={safeProfileUrl(r.prospect.url) ?? undefined} target="_blank" rel="noopener noreferrer">
          {name}
        </a>
        {role ? <span class="muted"> {role}</span> : null}
        <time class="when" dateTime={r.at}>
          {zonedDateTime(r.at)}
        </time>
      </div>
      <div class="reply-meta muted small">
        <a href={href("accounts", r.account)}>{r.account}</a>
        {r.campaign ? (
          <>
            {" · "}
            <a href={href("campaigns", r.campaign)}>{r.campaign}</a>
          </>
        ) : null}
      </div>
      {r.text ? (
        <blockquote class="reply-text" data-testid="reply-text">
          {r.text}
        </blockquote>
      ) : (
        <p class="muted small reply-text-none">No text recorded.</p>
      )}
      <label class="handled">
        <input type="checkbox" checked={props.handled} disabled={props.busy} onChange={(e) => props.onToggle(e.currentTarget.checked)} />{" "}
        Handled
      </label>{" "}
      <EraseButton personId={r.personId} name={name} url={r.prospect.url} onDone={props.onErased} />
    </li>
  );
}
