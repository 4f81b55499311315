/**
 * Connections.csv: `First Name,Last Name,URL,Email Address,Company,Position,Connected On` after a preamble.
 * `URL` may be empty or, in old exports, absent: such rows keep no identifier and the importer decides
 * whether a safe match exists. A row without a readable `Connected On` is reported.
 */
import { profileIdentifiers } from "../../core/prospect/profile-url.js";
import { parseArchiveDate } from "./archive-dates.js";
import type { TableHeader } from "./find-table.js";
import { tableRows } from "./table-rows.js";
import type { ArchiveCounts, ArchiveProblem, ConnectionFact } from "./types.js";

export function readConnections(
  file: string,
  text: string,
  header: TableHeader,
  problems: ArchiveProblem[],
  read: ArchiveCounts,
): ConnectionFact[] {
  const facts: ConnectionFact[] = [];
  for (const row of tableRows(file, text, header, problems)) {
    read.connections++;
    const url = row.get("url");
    const firstName = row.get("firstname");
    const lastName = row.get("lastname");
    const identifiers = profileIdentifiers([url]).map((id) => id.url);
    if (url !== "" && identifiers.length === 0) {
      problems.push({ file, line: row.line, reason: `URL "${url}" is not a LinkedIn profile URL` });
      continue;
    }
    if (identifiers.length === 0 && firstName === "" && lastName === "") {
      problems.push({ file, line: row.line, reason: "neither a profile URL nor a name" });
      continue;
    }
    const raw = row.get("connectedon");
    const connectedOn = parseArchiveDate(raw);
    if (connectedOn === null) {
      problems.push({ file, line: row.line, reason: `Connected On "${raw}" is not a date (expected like 06 Nov 2023)` });
      continue;
    }
    facts.push({
      file,
      line: row.line,
      firstName,
      lastName,
      company: row.get("company"),
      position: row.get("position"),
      identifiers,
      connectedOn,
    });
  }
  return facts;
}
