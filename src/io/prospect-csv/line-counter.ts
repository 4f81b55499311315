/**
 * Physical line numbers of records. csv-parse reports where each record ends (in bytes); a record starts
 * where the previous one ended, after any blank lines the parser skipped. `\r\n`, `\n` and `\r` each end
 * one line, so a quoted cell spanning lines moves the count by as many lines as an editor shows.
 */
const LF = 0x0a;
const CR = 0x0d;

export class LineCounter {
  private pos = 0;
  private line: number;

  /** `firstLine`: the physical line of the file where `data` starts. */
  constructor(
    private readonly data: Buffer,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  /** Where the next record starts: its line and byte offset, past blank lines. */
  peek(): { line: number; offset: number } {
    let line = this.line;
    let i = this.pos;
    while (i < this.data.length && (this.data[i] === LF || this.data[i] === CR)) {
      i += this.data[i] === CR && this.data[i + 1] === LF ? 2 : 1;
      line++;
    }
    return { line, offset: i };
  }

  /** Consumes the record that ends at byte `end`; returns where it started. */
  advance(end: number): { line: number; offset: number } {
    const start = this.peek();
    for (let i = this.pos; i < end; i++) {
      const b = this.data[i];
      if (b === LF || (b === CR && this.data[i + 1] !== LF)) this.line++;
    }
    this.pos = end;
    return start;
  }
}

/** Lines holding something, for a progress total (an estimate: quoted newlines count too). */
export function countContentLines(data: Buffer): number {
  let lines = 0;
  let empty = true;
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b === LF || b === CR) {
      if (!empty) lines++;
      empty = true;
    } else {
      empty = false;
    }
  }
  return empty ? lines : lines + 1;
}
