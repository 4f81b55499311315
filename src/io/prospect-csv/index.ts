export { readProspectCsv, readProspectCsvInChunks } from "./read-prospect-csv.js";
export { MAX_CELL_CHARS, MAX_ROW_CHARS } from "./record-limits.js";
export { detectDelimiter } from "./find-header.js";
export { detectFormat } from "./plan-columns.js";
export {
  CSV_FORMATS,
  type AcceptedRow,
  type CsvDelimiter,
  type CsvFormat,
  type ProspectCsvResult,
  type ReadProspectCsvOptions,
  type RejectRow,
  type ZoneHints,
} from "./types.js";
