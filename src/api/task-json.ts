/** An in-flight action as the task and agent routes show it: whom, what, the exact text, and its outcomes. */
import { z } from "@hono/zod-openapi";
import type { App } from "../app.js";
import { STEP_KINDS, type ActionKind } from "../core/model.js";
import { personName } from "../core/prospect/person-name.js";
import { formatInstant, type Instant } from "../core/time.js";
import { readAction } from "../engine/answer-outcome.js";
import { outcomeKeys } from "../runner/outcome-keys.js";
import type { AccountRow, ActionLogRow, PersonRow } from "../store/store.js";
import { ActionResultSchema, PersonNameFields } from "./schemas.js";

/** taskJson's answer, in the OpenAPI document. */
export const TaskSchema = z
  .object({
    actionId: z.number().int(),
    kind: z.enum(STEP_KINDS),
    account: z.string().nullable(),
    campaign: z.string().nullable(),
    since: z.string().openapi({ description: "when the action was handed out (UTC)" }),
    prospect: z.object({
      url: z.string().nullable(),
      ...PersonNameFields,
      company: z.string(),
      title: z.string(),
      location: z.string(),
      timezone: z.string().nullable(),
    }),
    note: z.string().nullable().openapi({ description: 'connect: the note, "" for none' }),
    text: z.string().nullable().openapi({ description: "message: the text" }),
    outcomes: z.array(z.object({ key: z.string(), result: ActionResultSchema, label: z.string() })),
  })
  .openapi("Task");

/** `known`: the task's person, campaign name and account when the caller has just read them (a runner's view). */
export async function taskJson(
  app: App,
  task: ActionLogRow,
  known?: { person: PersonRow | null; campaign: string | null; account: AccountRow },
) {
  const person = known ? known.person : task.personId === null ? null : await app.store.getPerson(task.personId);
  const campaign = known
    ? known.campaign
    : task.campaignId === null
      ? null
      : ((await app.store.getCampaignById(task.campaignId))?.name ?? null);
  const account = known ? known.account : await app.store.getAccountById(task.accountId);
  const { kind } = task;
  return {
    actionId: task.id,
    kind,
    account: account?.name ?? null,
    campaign,
    since: formatInstant(task.at),
    prospect: {
      url: task.prospect ?? person?.displayUrl ?? null,
      firstName: person?.firstName ?? "",
      lastName: person?.lastName ?? "",
      fullName: person ? personName(person) : "",
      company: person?.company ?? "",
      title: person?.title ?? "",
      location: person?.location ?? "",
      timezone: task.prospectTz,
    },
    note: kind === "connect" ? (task.note ?? "") : null,
    text: kind === "message" ? (task.text ?? "") : null,
    outcomes: outcomeKeys(kind).map((o) => ({ key: o.key, result: o.result, label: o.label })),
  };
}

/** An action that answers (a result, a skip) can be about: `open` while it has neither result nor release. */
export interface AnswerableAction {
  id: number;
  kind: ActionKind;
  open: boolean;
}

/**
 * The action with this id if it is an action of the app's workspace, in the log or put back without a result
 * (and still remembered); null otherwise: never handed out here (another workspace's is "not found" too).
 */
export async function findAction(app: App, id: number): Promise<AnswerableAction | null> {
  const { action, released } = await readAction(app.store, id);
  const ours = app.ctx.workspaceId;
  if (action !== null)
    return action.type === "action" && action.workspaceId === ours ? { id, kind: action.kind, open: action.result === null } : null;
  return released !== null && released.workspaceId === ours ? { id, kind: released.kind, open: false } : null;
}

export const iso = (t: Instant | null): string | null => (t === null ? null : formatInstant(t));
