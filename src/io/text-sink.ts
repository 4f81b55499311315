/**
 * Text written to a stream in chunks of about 64 kB, waiting for the stream to drain when it asks to: an
 * export of any size holds one chunk in memory, however slow the disk or the reader of the pipe.
 *
 * A stream error (a full disk, `linkpace export … | head` closing the pipe) is kept and thrown by the next
 * write, so the caller stops instead of crashing on an unhandled 'error' event.
 */
import { once } from "node:events";

const CHUNK = 64 * 1024;

export class TextSink {
  readonly #out: NodeJS.WritableStream;
  #pending: string[] = [];
  #size = 0;
  #error: Error | null = null;

  constructor(out: NodeJS.WritableStream) {
    this.#out = out;
    out.on("error", (e: Error) => {
      this.#error ??= e;
    });
  }

  async write(text: string): Promise<void> {
    this.#pending.push(text);
    this.#size += text.length;
    if (this.#size >= CHUNK) await this.flush();
  }

  /** Hands what is buffered to the stream and waits until the stream can take more. */
  async flush(): Promise<void> {
    if (this.#error) throw this.#error;
    if (this.#size === 0) return;
    const text = this.#pending.join("");
    this.#pending = [];
    this.#size = 0;
    if (!this.#out.write(text)) await this.#drained();
    if (this.#error) throw this.#error;
  }

  async #drained(): Promise<void> {
    // `once` rejects if the stream emits 'error' while we wait; a stream that already failed never drains.
    if (this.#error) throw this.#error;
    await once(this.#out, "drain");
  }
}

/** Whether an error means the reader of our output went away (`| head`): stop quietly. */
export function isBrokenPipe(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "EPIPE";
}
