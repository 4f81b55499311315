/** Local time windows in any zone, and the next instant they allow. */
export { formatWindow, parseWindows } from "./windows.js";
export { isWithin, nextOpening, openTimeBetween, windowEnd } from "./hours.js";
export { isWithinAll, jointWindowEnd, nextJointOpening, type HoursInZone } from "./joint.js";
export {
  daysBetweenLocalDates,
  localDateKey,
  localMinuteOfDay,
  localMonthKey,
  localWeekday,
  startOfLocalDay,
  startOfNextLocalDay,
  startOfNextLocalMonth,
} from "./local-time.js";
export { formatLocalTime, zoneAbbreviation } from "./format-local-time.js";
export { isValidZone } from "./zone-rules.js";
