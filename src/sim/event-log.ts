/**
 * The event log: one JSON object per line, in (at, id) order, with a fixed key order so
 * that the same run gives the same bytes whichever backend stored it.
 */
import { variantName } from "../core/campaign/variants.js";
import { formatInstant } from "../core/time.js";
import type { LogLine, Store, WorkspaceId } from "../store/store.js";

export interface ActionLine {
  at: string;
  account: string;
  campaign: string | null;
  /** The campaign's version the action was handed out under (absent: no campaign, or logged before versions). */
  version?: number;
  /** The name of the variant a connect or message sent (absent: its step has one text). */
  variant?: string;
  prospect: string | null;
  prospectTimezone: string | null;
  action: string;
  note?: string;
  text?: string;
  result: string;
}

export interface EventLine {
  at: string;
  account: string;
  campaign?: string | null;
  prospect?: string | null;
  event: string;
}

export type LogEntry = ActionLine | EventLine;

export function toLogEntry(row: LogLine): LogEntry {
  const at = formatInstant(row.at);
  if (row.type === "event") {
    if (row.kind === "restricted") return { at, account: row.accountName, event: row.kind };
    return { at, account: row.accountName, campaign: row.campaignName, prospect: row.prospect, event: row.kind };
  }
  const line: ActionLine = {
    at,
    account: row.accountName,
    campaign: row.campaignName,
    ...(row.campaignName !== null && row.campaignVersion != null ? { version: row.campaignVersion } : {}),
    prospect: row.prospect,
    prospectTimezone: row.prospectTz,
    action: row.kind,
    result: row.result ?? "pending",
  };
  // Keep `result` last, after the text fields, as in the contract's example.
  const { result, ...head } = line;
  const variant = row.type === "action" && row.variant != null ? { variant: variantName(row.variant) } : {};
  if (row.kind === "connect") return { ...head, ...variant, note: row.note ?? "", result };
  if (row.kind === "message") return { ...head, ...variant, text: row.text ?? "", result };
  return { ...head, result };
}

/** Every logged action (with its result) and network event, in order, a page at a time. */
export async function* readEventLog(store: Store, workspaceId: WorkspaceId, pageSize = 5000): AsyncGenerator<LogEntry> {
  let after: { at: number; id: number } | null = null;
  for (;;) {
    const page = await store.readLog(workspaceId, after, pageSize);
    for (const row of page) yield toLogEntry(row);
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = { at: last.at, id: last.id };
  }
}
