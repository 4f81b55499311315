/**
 * Do not contact: the workspace's do-not-contact list (docs/suppression.md). Each entry with its kind, what was
 * typed, the reason and the date added; add one by profile URL, company or domain (every enrolled person it
 * matches ends, pending invitations are withdrawn: the answer says how many); remove one. Sources: GET, POST
 * /v1/suppressions, DELETE /v1/suppressions/{id}.
 */
import { useState } from "preact/hooks";
import { get, post, request, withQuery } from "../api";
import type { ApiSchema } from "../api-json";
import { Pager } from "../components/pager";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { useApi } from "../hooks";
import { zonedDate } from "../zones";

type Entry = ApiSchema<"Suppression">;
type Added = ApiSchema<"SuppressionsAdded">;
type Kind = "profile" | "company" | "domain";

const PER_PAGE = 50;
const KINDS: Array<{ value: Kind; label: string; placeholder: string }> = [
  { value: "profile", label: "Profile URL", placeholder: "https://www.linkedin.com/in/jane-doe" },
  { value: "company", label: "Company", placeholder: "Acme Inc" },
  { value: "domain", label: "Domain", placeholder: "acme.com" },
];

export function SuppressionsPage() {
  const [page, setPage] = useState(1);
  const list = useApi(() => get<ApiSchema<"SuppressionList">>(withQuery("/v1/suppressions", { page, perPage: PER_PAGE })), [page]);
  const [kind, setKind] = useState<Kind>("company");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const out = await post<Added>("/v1/suppressions", {
        entries: [{ kind, value }],
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setDone(addedSentence(out));
      setValue("");
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (entry: Entry) => {
    setError(null);
    setDone(null);
    try {
      await request("DELETE", `/v1/suppressions/${entry.id}`);
      setDone(`Removed ${entry.kind} ${shown(entry)}. People it ended stay ended.`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const rows = list.data?.suppressions ?? null;
  const current = KINDS.find((k) => k.value === kind) ?? KINDS[0];
  return (
    <>
      <PageHeader title="Do not contact">
        {list.data ? (
          <span class="muted" data-testid="suppressions-total">
            {list.data.page.total} {list.data.page.total === 1 ? "entry" : "entries"}
          </span>
        ) : null}
      </PageHeader>
      <p class="muted small">
        People on this list are never contacted, in any campaign of this workspace: imports refuse them, and adding someone ends what is
        under way for them (a pending invitation is withdrawn). Companies match without case, accents, punctuation or legal suffixes (Inc,
        Ltd, GmbH, SAS…); a domain matches an email or website column.
      </p>

      <form class="filters" onSubmit={(e) => void add(e)} aria-label="add to the do-not-contact list">
        <div class="inline-field">
          <label for="dnc-kind">Kind</label>
          <select id="dnc-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div class="inline-field">
          <label for="dnc-value">{current?.label}</label>
          <input
            id="dnc-value"
            required
            value={value}
            placeholder={current?.placeholder}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </div>
        <div class="inline-field">
          <label for="dnc-reason">Reason</label>
          <input id="dnc-reason" value={reason} placeholder="customer, competitor…" onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={busy || value.trim() === ""}>
          Add
        </button>
      </form>

      {done ? (
        <p role="status" data-testid="suppress-result">
          {done}
        </p>
      ) : null}
      <ErrorBox error={error} />
      <ErrorBox error={list.error} />

      {rows === null ? (
        list.error ? null : (
          <Loading />
        )
      ) : rows.length === 0 ? (
        <Empty>The list is empty. Add customers, competitors and people who said no above, or with linkpace suppress add.</Empty>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data" data-testid="suppressions">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Added</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id} data-suppression={s.id}>
                    <td>{s.kind}</td>
                    <td>{shown(s)}</td>
                    <td>{s.reason ?? <span class="muted">-</span>}</td>
                    <td>
                      <time dateTime={s.createdAt}>{zonedDate(s.createdAt)}</time>
                    </td>
                    <td>
                      <button type="button" class="link" onClick={() => void remove(s)}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data ? <Pager page={list.data.page} onPage={setPage} noun="entries" /> : null}
        </>
      )}
    </>
  );
}

/** What the user typed; a hash entry (a person who was erased) shows no identifier. */
function shown(s: Entry): string {
  return s.kind === "hash" ? "(a person erased)" : s.input || s.value;
}

function addedSentence(out: Added): string {
  const entry = out.added > 0 ? "Added." : "Already on the list.";
  const parts = [
    out.ended > 0 ? `${out.ended} enrollment${out.ended === 1 ? "" : "s"} ended` : null,
    out.withdrawals > 0 ? `${out.withdrawals} pending invitation${out.withdrawals === 1 ? "" : "s"} to withdraw in working hours` : null,
    out.awaitingResult > 0 ? `${out.awaitingResult} ending after the task in progress` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${entry} ${parts.join(", ")}.` : `${entry} Nobody enrolled matched.`;
}
