/**
 * Local wall-clock time in any IANA zone for the simulator's judgement of arrival times, from the same zone
 * rules the scheduler uses (core/schedule), daylight saving included.
 */
import { isValidZone, localMinuteOfDay, localWeekday } from "../../core/schedule/index.js";
import type { Weekday } from "../../core/model.js";
import type { Instant } from "../../core/time.js";

export interface LocalTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const WEEKDAY_INDEX: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export class LocalClock {
  /** True when `zone` is an IANA zone this runtime knows. */
  isValidZone(zone: string): boolean {
    return isValidZone(zone);
  }

  localTime(zone: string, at: Instant): LocalTime {
    return { weekday: WEEKDAY_INDEX[localWeekday(zone, at)], minuteOfDay: localMinuteOfDay(zone, at) };
  }
}
