/**
 * Reads a lead list (a CSV with a profile URL column) into prospects. The file is decoded to UTF-8, the header row found,
 * the columns planned once, then the records are tokenized one at a time (csv-records.ts), so a 200,000-row
 * export costs one pass and holds nothing but the text and the prospects built from it.
 *
 * Nothing is dropped silently: a record without a usable identifier, with the wrong number of fields, with a
 * cell or a whole row over the size limits (record-limits.ts), or sharing an identifier with an earlier record
 * becomes a RejectRow with its line and reason. Only records whose cells are all empty (`;;;;` lines
 * spreadsheets leave behind) are skipped.
 *
 * `readProspectCsvInChunks` reads the same way but awaits `pause` after decoding and every 250 records, so a
 * server can answer other requests while it reads a million rows; `readProspectCsv` reads in one go.
 */
import { LinkpaceError } from "../../core/errors.js";
import { csvRecords } from "./csv-records.js";
import { decodeCsvBytes } from "./decode-csv-bytes.js";
import { findHeader, type HeaderLocation } from "./find-header.js";
import { mapRow, memberIdKey } from "./map-row.js";
import { planColumns, type ColumnPlan } from "./plan-columns.js";
import { checkRecordSize, MAX_CELL_CHARS } from "./record-limits.js";
import type { ProspectCsvResult, ReadProspectCsvOptions } from "./types.js";

const PROGRESS_EVERY = 1000;
/** Records between two pauses: a few milliseconds of work. */
const CHUNK = 250;
const RAW_MAX = 300;

interface ReadState {
  fileName: string;
  /** Header cells, trimmed: they name a cell that is too long. */
  columns: string[];
  plan: ColumnPlan;
  result: ProspectCsvResult;
  /** Every identifier (and member-id URL) of an accepted row → its line. */
  seen: Map<string, number>;
  /** Data records read, all-empty ones excluded. */
  done: number;
}

export function readProspectCsv(bytes: Buffer, fileName: string, opts: ReadProspectCsvOptions = {}): ProspectCsvResult {
  const reading = readInSteps(bytes, fileName, opts);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/** readProspectCsv, awaiting `pause` after each step (it may throw to stop the reading). */
export async function readProspectCsvInChunks(
  bytes: Buffer,
  fileName: string,
  opts: ReadProspectCsvOptions & { pause: () => Promise<void> },
): Promise<ProspectCsvResult> {
  const reading = readInSteps(bytes, fileName, opts);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
    await opts.pause();
  }
}

/** The reading, stopping after each step that takes a while on a big file: decoding, the text, each chunk of records. */
function* readInSteps(bytes: Buffer, fileName: string, opts: ReadProspectCsvOptions): Generator<void, ProspectCsvResult> {
  const { data, encoding } = decodeCsvBytes(bytes, fileName);
  yield;
  const text = data.toString("utf8");
  yield;
  const header = findHeader(text, fileName);
  const plan = planColumns(header.columns);
  const state: ReadState = {
    fileName,
    columns: header.columns,
    plan,
    result: { format: plan.format, rows: [], rejects: [], delimiter: header.delimiter, encoding },
    seen: new Map(),
    done: 0,
  };
  yield* readRecords(text, header, state, opts.onProgress);
  if (state.done === 0) {
    throw new LinkpaceError(
      "invalid_input",
      `${fileName}: the header (line ${header.line}) is not followed by any rows; add one row per person`,
    );
  }
  opts.onProgress?.(state.done, state.done);
  return state.result;
}

type OnProgress = ReadProspectCsvOptions["onProgress"];

function* readRecords(text: string, header: HeaderLocation, state: ReadState, onProgress: OnProgress): Generator<void> {
  // Counting a big file's lines takes a while: only when someone shows the progress.
  const total = onProgress === undefined ? 0 : Math.max(0, countLines(text, header.offset) - 1);
  const records = csvRecords(text, header.delimiter, header.offset, header.line);
  records.next(); // the header itself
  let read = 0;
  for (const record of records) {
    if (++read % CHUNK === 0) yield;
    if (record.kind === "unclosed_quote") {
      state.result.rejects.push({
        line: record.line,
        reason: "a quoted cell opened on this line is never closed, so the rest of the file was not read",
        raw: truncate(text.slice(record.start)),
      });
      state.done++;
      return;
    }
    const cells = record.cells.map((c) => c.trim());
    if (cells.every((c) => c === "")) continue;
    const { fileName, columns } = state;
    const tooBig =
      record.end - record.start > MAX_CELL_CHARS
        ? checkRecordSize({ fileName, columns, cells, line: record.line, text, start: record.start, end: record.end })
        : null;
    if (tooBig !== null)
      state.result.rejects.push({ line: record.line, reason: tooBig, raw: truncate(text.slice(record.start, record.end)) });
    else readRecord(state, cells, record.line, () => truncate(text.slice(record.start, record.end)));
    state.done++;
    if (state.done % PROGRESS_EVERY === 0) onProgress?.(state.done, Math.max(total, state.done));
  }
}

function readRecord(state: ReadState, cells: string[], line: number, raw: () => string): void {
  const { plan, result } = state;
  // Missing cells under blank trailing headers, or empty extra cells (a delimiter at the end of some lines)
  // shift nothing, so they are tolerated.
  if (cells.length < plan.minFields || cells.slice(plan.width).some((c) => c !== "")) {
    result.rejects.push({ line, reason: `has ${cells.length} fields, the header has ${plan.width}`, raw: raw() });
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

/** Line breaks from `from` on, plus a last unterminated line: the progress total (quoted breaks count too). */
function countLines(text: string, from: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n : n + 1;
}
