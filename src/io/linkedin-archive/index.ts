export { readLinkedInArchive, readLinkedInArchiveZip } from "./read-archive.js";
export { parseArchiveDate } from "./archive-dates.js";
export type * from "./types.js";
