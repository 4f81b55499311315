/**
 * UTC offsets of an IANA zone, read from Intl once and then served from memory.
 *
 * Asking Intl for an offset costs microseconds; the schedule asks hundreds of thousands of times per run.
 * So a zone's timeline is cut into buckets of BUCKET_MS, and each bucket, the first time it is needed, is
 * split into segments of constant offset: the offset is probed once a day and each change is pinned to the
 * second by bisection. Afterwards an offset is a Map lookup (or none at all: the last segment used is kept,
 * and callers tend to ask about nearby instants).
 *
 * Assumption: a zone's offset does not change twice within one day. That holds for every rule in the tz
 * database since the 1970s; a missed double change would only misplace that one day.
 */
import { LinkpaceError } from "../errors.js";
import { DAY, SECOND } from "../time.js";
import { daysFromCivil } from "./civil.js";

/** A span of instants [start, end) over which the zone's offset is constant; wall = instant + offset. */
export interface OffsetSegment {
  readonly start: number;
  readonly end: number;
  readonly offset: number;
}

const BUCKET_MS = 64 * DAY;
const PROBE_MS = DAY;

export class ZoneRules {
  private readonly buckets = new Map<number, OffsetSegment[]>();
  private last: OffsetSegment = { start: 0, end: 0, offset: 0 };

  constructor(
    readonly zone: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  /** The segment containing instant `at`. Segments also end at bucket edges, where the offset may not change. */
  segmentAt(at: number): OffsetSegment {
    const last = this.last;
    if (at >= last.start && at < last.end) return last;
    const index = Math.floor(at / BUCKET_MS);
    let segments = this.buckets.get(index);
    if (segments === undefined) {
      segments = this.buildBucket(index * BUCKET_MS);
      this.buckets.set(index, segments);
    }
    for (const segment of segments) {
      if (at < segment.end) {
        this.last = segment;
        return segment;
      }
    }
    throw new Error(`zone-rules: no segment for ${at} in ${this.zone}`); // unreachable: segments tile the bucket
  }

  /** Milliseconds to add to an instant to get its local wall time. */
  offsetAt(at: number): number {
    return this.segmentAt(at).offset;
  }

  private buildBucket(start: number): OffsetSegment[] {
    const end = start + BUCKET_MS;
    const segments: OffsetSegment[] = [];
    let segmentStart = start;
    let offset = this.probe(start);
    let previous = start;
    // Probe daily, and once more just before the end so a change in the last day is seen here.
    for (let p = start + PROBE_MS; previous < end - SECOND; p = Math.min(p + PROBE_MS, end - SECOND)) {
      const probed = this.probe(p);
      if (probed !== offset) {
        const change = this.bisect(previous, p, offset);
        segments.push({ start: segmentStart, end: change, offset });
        segmentStart = change;
        offset = this.probe(change);
      }
      previous = p;
    }
    segments.push({ start: segmentStart, end, offset });
    return segments;
  }

  /** The first whole second in (lo, hi] whose offset differs from `offset` (which is the offset at lo). */
  private bisect(lo: number, hi: number, offset: number): number {
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
      if (this.probe(mid) === offset) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /** The offset at a whole-second instant, from Intl's rendering of the local date and time. */
  private probe(at: number): number {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.format.formatToParts(at)) {
      const value = Number(part.value);
      if (part.type === "year") year = value;
      else if (part.type === "month") month = value;
      else if (part.type === "day") day = value;
      else if (part.type === "hour")
        hour = value % 24; // some ICU versions say 24 for midnight
      else if (part.type === "minute") minute = value;
      else if (part.type === "second") second = value;
    }
    const wall = daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * SECOND;
    return wall - at;
  }
}

const zones = new Map<string, ZoneRules>();

/** The (shared, cached) rules of an IANA zone; throws `invalid_input` for a name Intl does not know. */
export function zoneRules(zone: string): ZoneRules {
  let rules = zones.get(zone);
  if (rules === undefined) {
    rules = new ZoneRules(zone, createFormat(zone));
    zones.set(zone, rules);
  }
  return rules;
}

/** Whether Intl knows this IANA zone name. */
export function isValidZone(zone: string): boolean {
  if (zones.has(zone)) return true;
  try {
    createFormat(zone);
    return true;
  } catch {
    return false;
  }
}

function createFormat(zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new LinkpaceError("invalid_input", `unknown time zone "${zone}": use an IANA name such as "Europe/Paris" or "America/New_York"`);
  }
}
