export { readProspectCsv } from "./read-prospect-csv.js";
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
