/**
 * The editor's live preview: POST /v1/campaigns/preview's answer (src/engine/campaign-preview.ts) shown per
 * real prospect: each note and message as it would be sent, its length against the account's note limit, and
 * the prospects whose text could not be sent, with why. No sample data: without prospects it says so.
 */
import type { ApiSchema } from "../api-json";
import { href } from "../router";
import { fullName } from "../format";

export type CampaignPreview = ApiSchema<"CampaignPreview">;

export type StepRender = CampaignPreview["prospects"][number]["renders"][number];

/** Only the steps with a text to show: notes (also when there is none) and messages. */
const hasText = (r: StepRender) => r.kind === "connect" || r.kind === "message";

function RenderedText(props: { render: StepRender; noteLimit: number }) {
  const { render: r, noteLimit } = props;
  const isNote = r.kind === "connect";
  const over = isNote && r.chars > noteLimit;
  return (
    <div class="render" data-sendable={r.sendable ? "true" : "false"} data-step={r.step}>
      <div class="render-head">
        <span>
          Step {r.step + 1} · {isNote ? "note" : "message"}
        </span>
        {r.text !== null ? (
          <span class="render-count" data-over={over ? "true" : undefined} data-testid="render-chars">
            {r.chars}
            {isNote ? ` / ${noteLimit}` : ""} characters
          </span>
        ) : null}
      </div>
      {r.text !== null ? (
        <pre class="render-text">{r.text}</pre>
      ) : isNote && r.sendable ? (
        <p class="muted">No note: the invitation goes without one.</p>
      ) : null}
      {r.problem ? <p class="render-problem">⚠ {r.problem}</p> : null}
    </div>
  );
}

export function PreviewPane(props: { preview: CampaignPreview | null; pending: boolean; campaignName: string }) {
  const { preview } = props;
  if (!preview) return <p class="muted">{props.pending ? "Rendering…" : "The preview appears here."}</p>;
  if (preview.prospects.length === 0) {
    return (
      <p class="empty" data-testid="preview-empty">
        No prospects yet, so there is nothing to preview. <a href={href("import")}>Import a CSV</a> into a campaign and the texts are
        rendered here for those real people.
      </p>
    );
  }
  const bad = preview.prospects.filter((p) => p.renders.some((r) => !r.sendable));
  return (
    <div class={props.pending ? "preview is-pending" : "preview"}>
      <p class="muted">
        {preview.source === "campaign"
          ? `The first ${preview.prospects.length} prospects of campaign ${props.campaignName}.`
          : `The workspace's ${preview.prospects.length} most recent people.`}{" "}
        Note limit: <strong data-testid="note-limit">{preview.noteLimit}</strong> characters.
      </p>
      {bad.length > 0 ? (
        <div class="warning" role="status" data-testid="unsendable">
          <strong>
            {preview.unsendable} of {preview.prospects.length} prospects would get a text that cannot be sent:
          </strong>
          <ul>
            {bad.flatMap((p) =>
              p.renders
                .filter((r) => !r.sendable)
                .map((r) => (
                  <li key={`${p.url}-${r.step}`}>
                    <strong>{fullName(p)}</strong>, step {r.step + 1} ({r.kind}): {r.problem ?? "cannot be sent"}
                  </li>
                )),
            )}
          </ul>
        </div>
      ) : (
        <p class="ok-line" data-testid="all-sendable">
          ✓ Every text can be sent to these prospects.
        </p>
      )}
      <ol class="preview-list">
        {preview.prospects.map((p) => (
          <li key={p.url} class="preview-prospect">
            <div class="preview-who">
              <strong>{fullName(p)}</strong>
              <span class="muted">{[p.title, p.company ? `at ${p.company}` : ""].filter(Boolean).join(" ")}</span>
            </div>
            {p.renders.filter(hasText).map((r) => (
              <RenderedText key={r.step} render={r} noteLimit={preview.noteLimit} />
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
