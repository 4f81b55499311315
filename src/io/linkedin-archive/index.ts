export { readLinkedInArchive } from "./read-archive.js";
export { parseArchiveDate } from "./archive-dates.js";
export type * from "./types.js";
