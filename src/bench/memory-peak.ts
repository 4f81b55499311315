/**
 * The peak heap of a run, sampled. A simulation on SQLite runs almost entirely in microtasks, so a timer alone
 * would rarely fire: the run's progress callback also calls `sample()`, which reads memory at most every
 * SAMPLE_EVERY_MS. Peak RSS comes from the kernel (`resourceUsage().maxRSS`) and needs no sampling.
 */
import { performance } from "node:perf_hooks";

const SAMPLE_EVERY_MS = 100;

export class MemoryPeak {
  private heapPeak = 0;
  private last = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.read();
    this.timer = setInterval(() => this.read(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  sample(): void {
    if (performance.now() - this.last >= SAMPLE_EVERY_MS) this.read();
  }

  stop(): { heapPeakMB: number; maxRssMB: number } {
    clearInterval(this.timer);
    this.read();
    return { heapPeakMB: mb(this.heapPeak), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
  }

  private read(): void {
    this.last = performance.now();
    const heap = process.memoryUsage().heapUsed;
    if (heap > this.heapPeak) this.heapPeak = heap;
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
