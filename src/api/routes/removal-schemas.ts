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
