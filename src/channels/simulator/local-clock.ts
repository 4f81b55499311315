/**
 * Local wall-clock time in any IANA zone, with the zone's rules at that instant (daylight saving included).
 * Intl is slow next to the rest of an action, so offsets are cached per zone and UTC hour: an hour whose
 * start and end share an offset has no transition inside it (transitions are months apart).
 */
import { HOUR, MINUTE, type Instant } from "../../core/time.js";

export interface LocalTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const NO_SINGLE_OFFSET = Number.NaN;

export class LocalClock {
  private readonly formatters = new Map<string, Intl.DateTimeFormat>();
  private readonly offsets = new Map<string, Map<number, number>>();

  /** True when `zone` is an IANA zone this runtime knows. */
  isValidZone(zone: string): boolean {
    try {
      this.formatter(zone);
      return true;
    } catch {
      return false;
    }
  }

  localTime(zone: string, at: Instant): LocalTime {
    const local = at + this.offset(zone, at);
    const minutes = Math.floor(local / MINUTE);
    const days = Math.floor(minutes / 1440);
    return { weekday: (((days + 4) % 7) + 7) % 7, minuteOfDay: minutes - days * 1440 }; // 1970-01-01 was a Thursday
  }

  /** Local minus UTC, in ms, at `at`. */
  offset(zone: string, at: Instant): number {
    let byHour = this.offsets.get(zone);
    if (byHour === undefined) {
      byHour = new Map();
      this.offsets.set(zone, byHour);
    }
    const hour = Math.floor(at / HOUR);
    let cached = byHour.get(hour);
    if (cached === undefined) {
      const start = this.exactOffset(zone, hour * HOUR);
      const end = this.exactOffset(zone, (hour + 1) * HOUR - MINUTE);
      cached = start === end ? start : NO_SINGLE_OFFSET;
      byHour.set(hour, cached);
    }
    return Number.isNaN(cached) ? this.exactOffset(zone, at) : cached;
  }

  private exactOffset(zone: string, at: Instant): number {
    const parts = this.formatter(zone).formatToParts(new Date(at));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"));
    return wall - Math.floor(at / MINUTE) * MINUTE;
  }

  private formatter(zone: string): Intl.DateTimeFormat {
    let f = this.formatters.get(zone);
    if (f === undefined) {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
      this.formatters.set(zone, f);
    }
    return f;
  }
}
