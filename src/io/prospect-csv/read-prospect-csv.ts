/**
 * Reads a lead list (CONTRACTS.md §4) into prospects. The file is decoded to UTF-8, the header row found,
 * the columns planned once, then the records are parsed one at a time (csv-parse's `on_record`, which keeps
 * nothing but what this module builds) so a 200,000-row export costs one pass.
 *
 * Nothing is dropped silently: a record without a usable identifier, with the wrong number of fields, or
 * sharing an identifier with an earlier record becomes a RejectRow with its line and reason. Only records
 * whose cells are all empty (`;;;;` lines spreadsheets leave behind) are skipped.
 */
import { parse, CsvError } from "csv-parse/sync";
import { LinkpaceError } from "../../core/errors.js";
import { decodeCsvBytes } from "./decode-csv-bytes.js";
import { findHeader } from "./find-header.js";
import { LineCounter, countContentLines } from "./line-counter.js";
import { mapRow, memberIdKey } from "./map-row.js";
import { planColumns, type ColumnPlan } from "./plan-columns.js";
import type { ProspectCsvResult, ReadProspectCsvOptions } from "./types.js";

const PROGRESS_EVERY = 1000;
const RAW_MAX = 300;

interface ReadState {
  plan: ColumnPlan;
  result: ProspectCsvResult;
  /** Every identifier (and member-id URL) of an accepted row → its line. */
  seen: Map<string, number>;
  /** Data records seen, empty ones excluded. */
  done: number;
}

export function readProspectCsv(bytes: Buffer, fileName: string, opts: ReadProspectCsvOptions = {}): ProspectCsvResult {
  const { data: decoded, encoding } = decodeCsvBytes(bytes, fileName);
  const header = findHeader(decoded, fileName);
  const data = decoded.subarray(header.offset);
  const plan = planColumns(header.columns);
  const state: ReadState = {
    plan,
    result: { format: plan.format, rows: [], rejects: [], delimiter: header.delimiter, encoding },
    seen: new Map(),
    done: 0,
  };
  const total = Math.max(0, countContentLines(data) - 1);
  const lines = new LineCounter(data, header.line);
  const rawText = (start: number, end: number): string => truncate(data.toString("utf8", start, end).replace(/[\r\n]+$/, ""));
  let headerSeen = false;

  try {
    parse(data, {
      delimiter: header.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: string[], info) => {
        const start = lines.advance(info.bytes);
        if (!headerSeen) {
          headerSeen = true;
          return null;
        }
        const cells = record.map((c) => c.trim());
        if (cells.every((c) => c === "")) return null;
        readRecord(state, cells, start.line, () => rawText(start.offset, info.bytes));
        state.done++;
        if (state.done % PROGRESS_EVERY === 0) opts.onProgress?.(state.done, Math.max(total, state.done));
        return null;
      },
      on_skip: (err) => {
        // With relaxed quotes and column counts, the one error left is a quote never closed: the rest of the
        // file became one cell, so the reject points at where it opened.
        const start = lines.peek();
        state.result.rejects.push({
          line: start.line,
          reason: `a quoted cell opened on this line is never closed, so the rest of the file was not read (${err?.message ?? "quote not closed"})`,
          raw: rawText(start.offset, data.length),
        });
        state.done++;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) throw new LinkpaceError("invalid_input", `${fileName}: cannot be read as CSV: ${e.message}`);
    throw e;
  }
  if (state.done === 0) {
    throw new LinkpaceError(
      "invalid_input",
      `${fileName}: the header (line ${header.line}) is not followed by any rows; add one row per person`,
    );
  }
  opts.onProgress?.(state.done, state.done);
  return state.result;
}

function readRecord(state: ReadState, cells: string[], line: number, raw: () => string): void {
  const { plan, result } = state;
  const width = plan.width;
  // Trailing empty extra fields (a delimiter at the end of some lines) shift nothing, so they are tolerated.
  if (cells.length < width || cells.slice(width).some((c) => c !== "")) {
    result.rejects.push({ line, reason: `has ${cells.length} fields, the header has ${width}`, raw: raw() });
    return;
  }
  const mapped = mapRow(cells, plan);
  if (!mapped.ok) {
    result.rejects.push({ line, reason: mapped.reason, raw: raw() });
    return;
  }
  const { prospect } = mapped;
  const keys = [...prospect.identifiers];
  const memberKey = prospect.memberId ? memberIdKey(prospect.memberId) : null;
  if (memberKey !== null && !keys.includes(memberKey)) keys.push(memberKey);
  for (const key of keys) {
    const earlier = state.seen.get(key);
    if (earlier !== undefined) {
      result.rejects.push({ line, reason: `duplicate of line ${earlier}`, raw: raw() });
      return;
    }
  }
  for (const key of keys) state.seen.set(key, line);
  result.rows.push({ line, prospect, zoneHints: mapped.zoneHints });
}

function truncate(text: string): string {
  return text.length <= RAW_MAX ? text : `${text.slice(0, RAW_MAX)}…`;
}
