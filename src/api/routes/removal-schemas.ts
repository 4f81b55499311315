/** The answers of campaign stop and delete, enrollment remove and account remove (engine/removal-json.ts builds them). */
import { z } from "@hono/zod-openapi";

const Summary = z.string().openapi({ description: "what happened, in a sentence (the CLI prints it)" });

export const RemovedRowsSchema = z
  .object({
    enrollments: z.number().int(),
    logRows: z.number().int().openapi({ description: "campaign delete: kept without campaign, person or text; account remove: deleted" }),
    replies: z.number().int(),
    notifications: z.number().int(),
    campaigns: z.number().int(),
  })
  .openapi("RemovedRows");

export const EndedEnrollmentSchema = z
  .object({
    enrollmentId: z.number().int(),
    campaign: z.string(),
    outcome: z.enum(["ended", "withdrawal", "task"]).openapi({
      description:
        "ended: now; withdrawal: its pending invitation is still withdrawn on schedule (at `at`), then it ends; task: it ends when its task in flight is answered or skipped",
    }),
    at: z.string().nullable(),
  })
  .openapi("EndedEnrollment");

export const CampaignStopped = z
  .object({
    campaign: z.object({ name: z.string(), status: z.enum(["active", "paused", "stopped"]) }),
    changed: z.boolean().openapi({ description: "false: the campaign was stopped already" }),
    enrollments: z.object({
      ended: z.number().int(),
      withdrawals: z.number().int().openapi({ description: "keep only their pending invitation's withdrawal, then end" }),
      tasks: z.number().int().openapi({ description: "end when their task in flight is answered or skipped" }),
      released: z.number().int().openapi({ description: "tasks nobody held, put back unperformed" }),
    }),
    lastWithdrawalAt: z.string().nullable(),
    summary: Summary,
  })
  .openapi("CampaignStopped");

export const CampaignDeleted = z.object({ campaign: z.string(), removed: RemovedRowsSchema, summary: Summary }).openapi("CampaignDeleted");

export const ProspectRemoved = z
  .object({
    person: z.object({ id: z.number().int(), url: z.string() }),
    enrollments: z.array(EndedEnrollmentSchema),
    summary: Summary,
  })
  .openapi("ProspectRemoved");

export const AccountRemoved = z
  .object({ account: z.string(), stopped: z.array(z.string()), removed: RemovedRowsSchema, summary: Summary })
  .openapi("AccountRemoved");

/** campaign update's answer (engine/update-json.ts). */
export const CampaignUpdated = z
  .object({
    campaign: z.object({ name: z.string(), version: z.number().int(), previousVersion: z.number().int() }),
    changed: z.boolean().openapi({ description: "false: the document was the same (no new version)" }),
    dryRun: z.boolean(),
    steps: z.array(
      z.object({
        from: z.number().int().nullable().openapi({ description: "the step's index (from 0) before; null: added" }),
        to: z.number().int().nullable().openapi({ description: "its index after; null: removed" }),
        kind: z.enum(["visit", "connect", "message", "withdraw"]),
        change: z.enum(["same", "changed", "added", "removed"]),
      }),
    ),
    enrollments: z.object({
      total: z.number().int().openapi({ description: "enrollments in progress carried over" }),
      moved: z.number().int().openapi({ description: "whose step changed: another index, or the next step after a removed one" }),
      replanned: z.number().int().openapi({ description: "whose next time changed" }),
      ended: z.number().int().openapi({ description: "that ended: no step left for them" }),
      released: z.number().int().openapi({ description: "tasks nobody held, at a removed step, put back unperformed" }),
    }),
    unsendable: z.object({
      count: z.number().int(),
      listed: z.array(
        z.object({
          enrollmentId: z.number().int(),
          profile: z.string(),
          step: z.number().int().openapi({ description: "the new step's number, from 1" }),
          reason: z.string(),
        }),
      ),
    }),
    summary: Summary,
  })
  .openapi("CampaignUpdated");
