/**
 * The reports of the two imports, as the API returns them: the prospect CSV import (src/engine/import-report.ts,
 * `linkpace prospects import --json`) and the LinkedIn archive import (src/cli/commands/import-archive.ts,
 * `linkpace import linkedin-archive --json`). Every value is CSV or archive data: rendered as text only.
 */
import type { ApiSchema } from "../api-json";

export type CsvImportReport = ApiSchema<"CsvImportReport">;

export type ArchiveImportReport = ApiSchema<"ArchiveReport">;

/** Where a prospect's time zone came from (core/model.ts ZoneSource). */
const ZONE_SOURCES: Record<string, string> = {
  explicit: "a time zone column",
  metro: "a LinkedIn metro area",
  city: "the city",
  region: "the state or region",
  country: "the country",
  campaign: "the campaign's zone",
  sender: "unknown: the sender's zone",
};

/** Rows refused because the person is already there: twice in the file, or enrolled already. */
const DUPLICATE = /duplicate of|already enrolled/;

function Count(props: { label: string; value: number; testid: string; tone?: "bad" | "warn" | "ok"; hint?: string }) {
  return (
    <div class="count" data-tone={props.value > 0 ? props.tone : undefined}>
      <span class="count-value" data-testid={props.testid}>
        {props.value}
      </span>
      <span class="count-label">{props.label}</span>
      {props.hint ? <span class="count-hint">{props.hint}</span> : null}
    </div>
  );
}

function DryRunNote(props: { dryRun: boolean }) {
  return props.dryRun ? (
    <p class="notice" data-testid="dry-run">
      Dry run: nothing was written. Import again without “Dry run” to apply it.
    </p>
  ) : null;
}

export function CsvReport(props: { report: CsvImportReport }) {
  const r = props.report;
  const duplicates = r.rejects.filter((x) => DUPLICATE.test(x.reason)).length;
  const zones = Object.entries(r.zoneSources).sort((a, b) => b[1] - a[1]);
  const hasRaw = r.rejects.some((x) => x.raw !== undefined);
  return (
    <section class="report" aria-labelledby="csv-report-title" data-testid="csv-report">
      <h2 id="csv-report-title">Report: {r.file}</h2>
      <DryRunNote dryRun={r.dryRun} />
      <p class="muted small">
        Campaign {r.campaign} · format {r.format} · {r.encoding} · delimiter <code>{r.delimiter === "\t" ? "tab" : r.delimiter}</code>
      </p>
      <div class="counts">
        <Count label={r.dryRun ? "would be enrolled" : "enrolled"} value={r.enrolled} testid="enrolled" tone="ok" />
        <Count label="duplicates" value={duplicates} testid="duplicates" tone="warn" hint="in the file, or already enrolled" />
        <Count
          label="rejected"
          value={r.rejected}
          testid="rejected"
          tone="bad"
          hint={duplicates > 0 ? `including the ${duplicates} duplicates` : undefined}
        />
      </div>
      {zones.length > 0 ? (
        <>
          <h3>Time zones</h3>
          <table class="data compact">
            <thead>
              <tr>
                <th scope="col">Found from</th>
                <th scope="col" class="num">
                  Prospects
                </th>
              </tr>
            </thead>
            <tbody>
              {zones.map(([source, n]) => (
                <tr key={source} data-source={source}>
                  <td>{ZONE_SOURCES[source] ?? source}</td>
                  <td class="num">{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h3>Rejected rows</h3>
      {r.rejects.length === 0 ? (
        <p class="empty">None: every row was usable.</p>
      ) : (
        <table class="data rejects" data-testid="rejects">
          <thead>
            <tr>
              <th scope="col" class="num">
                Line
              </th>
              <th scope="col">Reason</th>
              {hasRaw ? <th scope="col">Row as written</th> : null}
            </tr>
          </thead>
          <tbody>
            {r.rejects.map((x, i) => (
              <tr key={i}>
                <td class="num">{x.line}</td>
                <td>{x.reason}</td>
                {hasRaw ? <td>{x.raw !== undefined ? <code class="raw">{x.raw}</code> : <span class="muted">–</span>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ArchiveReport(props: { report: ArchiveImportReport }) {
  const r = props.report;
  const tables = r.files.filter((f) => f.table !== null);
  return (
    <section class="report" aria-labelledby="archive-report-title" data-testid="archive-report">
      <h2 id="archive-report-title">Report: {r.file}</h2>
      <DryRunNote dryRun={r.dryRun} />
      <p class="muted small">
        Account {r.account} · read {tables.map((f) => `${f.name} (${f.table})`).join(", ") || "no table"} · {r.read.connections}{" "}
        connections, {r.read.invitationsOutgoing} invitations sent and {r.read.invitationsIncoming} received, {r.read.messages} messages
        {r.read.draftsSkipped > 0 ? ` (drafts skipped: ${r.read.draftsSkipped})` : ""}
      </p>
      <p class="small">
        Your profile: {r.owner ? `${r.owner.identifiers.join(", ")} (from ${r.owner.source})` : "not found in the export"}
      </p>
      <div class="counts">
        <Count
          label={`invitations sent by hand, now tracked${r.adoptedInto.length > 0 ? ` (${r.adoptedInto.map((a) => `${a.invitations} in campaign ${a.campaign}`).join(", ")})` : ""}`}
          value={r.invitationsAdopted}
          testid="invitationsAdopted"
          tone="ok"
        />
        <Count label="pending invitations accepted" value={r.accepted} testid="accepted" tone="ok" />
        <Count label="people newly marked as connections" value={r.alreadyConnected} testid="alreadyConnected" />
        <Count label="new connections in all" value={r.connections} testid="connections" />
        <Count label="replies" value={r.replies} testid="replies" tone="ok" />
        <Count label="messages you sent outside linkpace" value={r.messagesSeen} testid="messagesSeen" />
        <Count label="rows not read" value={r.unreadable} testid="unreadable" tone="bad" />
      </div>
      <h3>Rows not read</h3>
      {r.problems.length === 0 ? (
        <p class="empty">None: every row was read.</p>
      ) : (
        <table class="data rejects" data-testid="problems">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" class="num">
                Line
              </th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {r.problems.map((p, i) => (
              <tr key={i}>
                <td class="file">{p.file}</td>
                <td class="num">{p.line > 0 ? p.line : "–"}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
