/**
 * The report of a LinkedIn-archive import, as `linkpace import linkedin-archive --json` prints it and
 * POST /v1/imports/linkedin-archive answers it: what changed, what was read, and every row not read.
 */
import type { ArchiveFacts } from "../io/linkedin-archive/index.js";
import type { ArchiveOutcome } from "./archive-apply.js";

export function archiveReport(file: string, account: string, dryRun: boolean, facts: ArchiveFacts, o: ArchiveOutcome) {
  const problems = [...facts.problems, ...o.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    file,
    account,
    dryRun,
    connections: o.connections,
    accepted: o.accepted,
    alreadyConnected: o.alreadyConnected,
    invitationsAdopted: o.invitationsAdopted,
    adoptedInto: o.adoptedInto,
    replies: o.replies,
    messagesSeen: o.messagesSeen,
    suppressed: o.suppressed,
    unreadable: problems.length,
    problems,
    adoptedCampaign: o.adoptedCampaign,
    owner: facts.owner,
    read: facts.read,
    files: facts.files,
  };
}
