/**
 * `#/runner`: the accounts, each with what is due now, what comes next, what is in progress and its sitting
 * (start or stop one here; the next suggested one from the plan); pick one to work.
 */
import { useState } from "preact/hooks";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { get } from "../api";
import { useApi } from "../hooks";
import { NotifyButton, useDueSignals } from "../notify";
import { href } from "../router";
import { loadPlan } from "../sittings";
import { SittingControl, SuggestedSitting } from "./runner-sitting";
import { countdown, type TasksOverview } from "./runner-types";

const POLL_MS = 15_000;

export function AccountChooser() {
  const overview = useApi(() => get<TasksOverview>("/v1/tasks"), [], POLL_MS);
  const plan = useApi(async () => ({ plan: await loadPlan(1) }), [], POLL_MS);
  useDueSignals(plan.data?.plan, overview.data);
  const [error, setError] = useState<unknown>(null);
  const data = overview.data;
  const serverNow = data ? Date.parse(data.at) : Date.now();
  const changed = () => {
    setError(null);
    overview.reload();
    plan.reload();
  };
  return (
    <>
      <PageHeader title="Task runner">
        <NotifyButton />
      </PageHeader>
      <p class="muted">
        Choose the account whose tasks you do on LinkedIn now. Each task shows the profile and the prepared text; you report what happened
        with one key.
      </p>
      {overview.error ? <ErrorBox error={overview.error} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {!data ? (
        overview.error ? null : (
          <Loading />
        )
      ) : data.accounts.length === 0 ? (
        <Empty>
          No accounts yet: add one on the <a href={href("accounts")}>Accounts</a> page.
        </Empty>
      ) : (
        <div class="table-scroll">
          <table class="data runner-accounts">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Now</th>
                <th scope="col">Next</th>
                <th scope="col">In progress</th>
                <th scope="col">Sitting</th>
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
                  <td>
                    <SittingControl account={a.account} sitting={a.sitting} serverNow={serverNow} onChanged={changed} onError={setError} />
                    {a.pacing === "sittings" && !a.sitting ? <div class="muted small">works only in sittings</div> : null}
                    {(() => {
                      const next = plan.data?.plan?.accounts.find((p) => p.account === a.account)?.nextSitting;
                      return next && !a.sitting ? (
                        <div class="muted small">
                          next: <SuggestedSitting sitting={next} serverNow={serverNow} />
                        </div>
                      ) : null;
                    })()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
