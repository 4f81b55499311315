/**
 * Imports: a prospect CSV into a campaign (POST /v1/prospects/import) and LinkedIn's data export for an
 * account (POST /v1/imports/linkedin-archive). The file is the request body; a progress bar follows the
 * upload, then "Processing…" until the report arrives. Both can be dry runs (nothing written).
 */
import { useState } from "preact/hooks";
import { get, upload, withQuery } from "../api";
import type { ApiSchema } from "../api-json";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { useApi } from "../hooks";
import { href } from "../router";
import { ArchiveReport, CsvReport, type ArchiveImportReport, type CsvImportReport } from "./import-reports";
import "./import.css";

type Phase = { type: "idle" } | { type: "uploading"; fraction: number } | { type: "processing" };

/** One upload at a time: its phase, its report or error. */
function useUpload<T>() {
  const [phase, setPhase] = useState<Phase>({ type: "idle" });
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (path: string, file: File, contentType: string) => {
    setError(null);
    setResult(null);
    setPhase({ type: "uploading", fraction: 0 });
    try {
      const report = await upload<T>(path, file, contentType, (fraction) =>
        setPhase(fraction >= 1 ? { type: "processing" } : { type: "uploading", fraction }),
      );
      setResult(report);
    } catch (e) {
      setError(e);
    } finally {
      setPhase({ type: "idle" });
    }
  };
  return { phase, result, error, run, busy: phase.type !== "idle" };
}

function UploadProgress(props: { phase: Phase; id: string }) {
  const { phase } = props;
  if (phase.type === "idle") return null;
  return (
    <div class="upload-progress" role="status" aria-live="polite">
      <label for={props.id}>{phase.type === "uploading" ? `Uploading… ${Math.round(phase.fraction * 100)}%` : "Processing…"}</label>
      {phase.type === "uploading" ? <progress id={props.id} max={1} value={phase.fraction} /> : <progress id={props.id} />}
    </div>
  );
}

export function ImportPage() {
  return (
    <>
      <PageHeader title="Import" />
      <div class="import-grid">
        <CsvImport />
        <ArchiveImport />
      </div>
    </>
  );
}

function CsvImport() {
  const campaigns = useApi(() => get<ApiSchema<"CampaignList">>(withQuery("/v1/campaigns", { perPage: 500 })), []);
  const [campaign, setCampaign] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const job = useUpload<CsvImportReport>();
  const list = campaigns.data?.campaigns ?? [];
  const chosen = campaign || list[0]?.name || "";

  const submit = (e: Event) => {
    e.preventDefault();
    if (!file || !chosen) return;
    void job.run(
      withQuery("/v1/prospects/import", { campaign: chosen, dryRun: dryRun ? "true" : undefined, file: file.name }),
      file,
      "text/csv",
    );
  };

  return (
    <section class="card import-card" aria-labelledby="csv-title">
      <h2 id="csv-title">Prospects from a CSV</h2>
      <p class="muted small">
        Lead lists from PhantomBuster, Evaboot, Apollo, Waalaxy, LinkedIn's Connections.csv, or any CSV with a profile URL column. Rows
        without a usable profile, duplicates and people already enrolled are listed with their line.
      </p>
      {campaigns.error ? <ErrorBox error={campaigns.error} /> : null}
      {!campaigns.data ? (
        campaigns.error ? null : (
          <Loading />
        )
      ) : list.length === 0 ? (
        <Empty>
          Prospects are enrolled into a campaign: <a href={href("editor")}>create one</a> first.
        </Empty>
      ) : (
        <form class="import-form" onSubmit={submit}>
          <label for="csv-campaign">Campaign</label>
          <select id="csv-campaign" value={chosen} onChange={(e) => setCampaign(e.currentTarget.value)}>
            {list.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({c.account}
                {c.status !== "active" ? `, ${c.status}` : ""})
              </option>
            ))}
          </select>
          <label for="csv-file">CSV file</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <span class="check">
            <input id="csv-dry-run" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
            <label for="csv-dry-run">Dry run</label>
            <span class="muted small">report only, write nothing</span>
          </span>
          <div>
            <button type="submit" class="primary" disabled={!file || job.busy}>
              Import
            </button>
          </div>
          <UploadProgress phase={job.phase} id="csv-progress" />
        </form>
      )}
      <ErrorBox error={job.error} />
      {job.result ? <CsvReport report={job.result} /> : null}
    </section>
  );
}

function ArchiveImport() {
  const accounts = useApi(() => get<ApiSchema<"AccountList">>(withQuery("/v1/accounts", { perPage: 500 })), []);
  const [account, setAccount] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const job = useUpload<ArchiveImportReport>();
  const list = accounts.data?.accounts ?? [];
  const chosen = account || list[0]?.name || "";

  const submit = (e: Event) => {
    e.preventDefault();
    if (!file || !chosen) return;
    void job.run(
      withQuery("/v1/imports/linkedin-archive", { account: chosen, dryRun: dryRun ? "true" : undefined, file: file.name }),
      file,
      "application/zip",
    );
  };

  return (
    <section class="card import-card" aria-labelledby="archive-title">
      <h2 id="archive-title">LinkedIn data export</h2>
      <p class="muted small">
        The zip from LinkedIn's “Get a copy of your data” (Basic_LinkedInDataExport_….zip): invitations you sent by hand are tracked,
        acceptances, connections and replies recorded. Importing the same export twice changes nothing.
      </p>
      {accounts.error ? <ErrorBox error={accounts.error} /> : null}
      {!accounts.data ? (
        accounts.error ? null : (
          <Loading />
        )
      ) : list.length === 0 ? (
        <Empty>
          An export belongs to an account: add one on the <a href={href("accounts")}>Accounts</a> page first.
        </Empty>
      ) : (
        <form class="import-form" onSubmit={submit}>
          <label for="archive-account">Account</label>
          <select id="archive-account" value={chosen} onChange={(e) => setAccount(e.currentTarget.value)}>
            {list.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
          <label for="archive-file">Export (.zip)</label>
          <input
            id="archive-file"
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <span class="check">
            <input id="archive-dry-run" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
            <label for="archive-dry-run">Dry run</label>
            <span class="muted small">report only, write nothing</span>
          </span>
          <div>
            <button type="submit" class="primary" disabled={!file || job.busy}>
              Import archive
            </button>
          </div>
          <UploadProgress phase={job.phase} id="archive-progress" />
        </form>
      )}
      <ErrorBox error={job.error} />
      {job.result ? <ArchiveReport report={job.result} /> : null}
    </section>
  );
}
