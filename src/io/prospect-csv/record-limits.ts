/**
 * How big one cell and one row of a lead list may be. The longest cells of real exports are LinkedIn
 * summaries (2,600 characters), and Excel itself holds at most 32,767 in a cell; past that a cell is a
 * mistake or an attack (a 20 MB cell would be stored, and shown on every page that shows the person), so its
 * row is rejected with its line and why. A row over the row limit that runs over several lines is a quote
 * left open by mistake that swallowed the rows after it: the whole file is refused, naming the line, since
 * importing around it would lose those rows.
 */
import { LinkpaceError } from "../../core/errors.js";

export const MAX_CELL_CHARS = 32_767;
export const MAX_ROW_CHARS = 131_072;

export interface RecordSpan {
  fileName: string;
  /** Header cells: they name the cell that is too long. */
  columns: readonly string[];
  cells: readonly string[];
  line: number;
  /** The whole text and the record's offsets in it. */
  text: string;
  start: number;
  end: number;
}

/** Why the record is too big to be a row, or null; throws for a runaway quoted cell. */
export function checkRecordSize(r: RecordSpan): string | null {
  const length = r.end - r.start;
  // A cell's value is never longer than the record's text: only a record over the cell limit can hold such a cell.
  if (length <= MAX_CELL_CHARS) return null;
  const lines = length > MAX_ROW_CHARS ? lineBreaks(r.text, r.start, r.end) : 0;
  if (lines > 0) {
    throw new LinkpaceError(
      "invalid_input",
      `${r.fileName}: line ${r.line}: a quoted cell runs on over ${lines + 1} lines (${length} characters, more than the ${MAX_ROW_CHARS} a row may hold), ` +
        `so a quote is probably left open and the rows after it were read as its text; fix the quotes from line ${r.line} on and import again`,
    );
  }
  const index = r.cells.findIndex((c) => c.length > MAX_CELL_CHARS);
  if (index >= 0) {
    const header = r.columns[index];
    const name = header ? `column ${JSON.stringify(header)}` : `cell ${index + 1}`;
    return `${name} has ${(r.cells[index] as string).length} characters, more than the ${MAX_CELL_CHARS} a cell may hold`;
  }
  return length > MAX_ROW_CHARS ? `the row has ${length} characters, more than the ${MAX_ROW_CHARS} a row may hold` : null;
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  if (n > 0) return n;
  for (let i = text.indexOf("\r", from); i >= 0 && i < to; i = text.indexOf("\r", i + 1)) n++;
  return n;
}
