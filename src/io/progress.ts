/**
 * A progress bar for long reads and imports, drawn only on an interactive terminal: piped or redirected
 * output (CI logs, `2> file`) gets nothing, not a stream of carriage returns.
 */
import cliProgress from "cli-progress";

export interface Progress {
  /** `total` replaces the initial total when the caller learns a better one. */
  update(done: number, total?: number): void;
  stop(): void;
}

/** The few members of a writable stream the bar needs; `process.stderr` fits. */
export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
}

export function createProgress(label: string, total: number, stream: ProgressStream = process.stderr): Progress {
  if (stream.isTTY !== true) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
