/** `#/runner`: the accounts, each with what is due now, what comes next and what is in progress; pick one to work. */
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { get } from "../api";
import { useApi } from "../hooks";
import { href } from "../router";
import { countdown, type TasksOverview } from "./runner-types";

const POLL_MS = 15_000;

export function AccountChooser() {
  const overview = useApi(() => get<TasksOverview>("/v1/tasks"), [], POLL_MS);
  const data = overview.data;
  return (
    <>
      <PageHeader title="Task runner" />
      <p class="muted">
        Choose the account whose tasks you do on LinkedIn now. Each task shows the profile and the prepared text; you report what happened
        with one key.
      </p>
      {overview.error ? <ErrorBox error={overview.error} /> : null}
      {!data ? (
        overview.error ? null : (
          <Loading />
        )
      ) : data.accounts.length === 0 ? (
        <Empty>
          No accounts yet: add one on the <a href={href("accounts")}>Accounts</a> page.
        </Empty>
      ) : (
        <table class="data runner-accounts">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Now</th>
              <th scope="col">Next</th>
              <th scope="col">In progress</th>
            </tr>
          </thead>
          <tbody>
            {data.accounts.map((a) => (
              <tr key={a.account} data-account={a.account}>
                <td>
                  <a href={href("runner", a.account)}>{a.account}</a>
                </td>
                <td>
                  {a.paused ? (
                    <span class="badge" data-tone="bad" title={a.paused.reason}>
                      paused
                    </span>
                  ) : a.dueNow || a.inProgress.length > 0 ? (
                    <span class="badge" data-tone="ok">
                      task ready
                    </span>
                  ) : (
                    <span class="badge">waiting</span>
                  )}
                  {a.paused ? (
                    <div class="muted small">
                      {a.paused.reason} (until {new Date(a.paused.until).toLocaleString()})
                    </div>
                  ) : null}
                </td>
                <td>
                  {a.next ? (
                    <>
                      {a.next.kind}{" "}
                      {Date.parse(a.next.at) <= Date.parse(data.at)
                        ? "now"
                        : `in ${countdown(Date.parse(a.next.at) - Date.parse(data.at))}`}
                      {a.next.waitsFor ? <div class="muted small">waiting for: {a.next.waitsFor}</div> : null}
                    </>
                  ) : (
                    <span class="muted">nothing due</span>
                  )}
                </td>
                <td>
                  {a.inProgress.length === 0 ? (
                    <span class="muted">–</span>
                  ) : (
                    a.inProgress.map((t) => (
                      <div key={t.actionId}>
                        {t.kind} {t.prospect ?? ""} {t.heldBy ? <span class="muted">(shown by {t.heldBy})</span> : null}
                      </div>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
