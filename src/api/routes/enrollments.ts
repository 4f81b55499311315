/** /v1/enrollments: every prospect in every campaign, where it stands and the dates on record, a page at a time; remove one. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.js";
import { STOP_REASONS, type StopReason } from "../../core/enrollment/transition.js";
import { STEP_KINDS } from "../../core/model.js";
import { personName } from "../../core/prospect/person-name.js";
import { formatInstant, type Instant } from "../../core/time.js";
import { removeProspectJson } from "../../engine/removal-json.js";
import type { EnrollmentFilter, EnrollmentStatus, EnrollmentWithPerson } from "../../store/store.js";
import type { Router } from "../router.js";
import { failures, IdParam, ok, Page, PageQuery, PersonNameFields, ScopeQueryFields } from "../schemas.js";
import { ProspectRemoved } from "./removal-schemas.js";

const STATUSES = ["ready", "in_flight", "invited", "done"] as const satisfies readonly EnrollmentStatus[];
const When = z.string().nullable().openapi({ description: "ISO 8601 (UTC), null when it has not happened" });

export const EnrollmentSchema = z
  .object({
    id: z.number().int(),
    personId: z.number().int().openapi({ description: "the person enrolled (GET /v1/persons, DELETE /v1/persons/{id})" }),
    campaign: z.string(),
    account: z.string(),
    status: z.enum(STATUSES),
    step: z.number().int().openapi({ description: "the index of the next step in the campaign's steps" }),
    nextKind: z.enum(STEP_KINDS).nullable(),
    readyAt: When.openapi({ description: "when the next action may run; null: not scheduled" }),
    endReason: z.string().nullable(),
    stopReason: z
      .enum(STOP_REASONS as unknown as [StopReason, ...StopReason[]])
      .nullable()
      .openapi({ description: "ended by the owner while its pending withdrawal or task was still to come: it ends with this reason then" }),
    prospect: z.object({
      url: z.string(),
      ...PersonNameFields,
      company: z.string(),
      title: z.string(),
      location: z.string(),
      timezone: z.string().openapi({ description: "the zone this prospect is scheduled in" }),
    }),
    enrolledAt: z.string(),
    visitedAt: When,
    invitedAt: When,
    acceptedAt: When,
    repliedAt: When,
    withdrawnAt: When,
  })
  .openapi("Enrollment");

const EnrollmentList = z.object({ enrollments: z.array(EnrollmentSchema), page: Page }).openapi("EnrollmentList");

const iso = (t: Instant | null): string | null => (t === null ? null : formatInstant(t));

function enrollmentJson(
  row: EnrollmentWithPerson,
  names: { campaigns: Map<number, string>; accounts: Map<number, string> },
): z.infer<typeof EnrollmentSchema> {
  const { enrollment: e, person: p } = row;
  return {
    id: e.id,
    personId: e.personId,
    campaign: names.campaigns.get(e.campaignId) ?? "",
    account: names.accounts.get(e.accountId) ?? "",
    status: e.status,
    step: e.step,
    nextKind: e.nextKind,
    readyAt: iso(e.readyAt),
    endReason: e.endReason,
    stopReason: e.stopReason,
    prospect: {
      url: p.displayUrl,
      firstName: p.firstName,
      lastName: p.lastName,
      fullName: personName(p),
      company: p.company,
      title: p.title,
      location: p.location,
      timezone: e.prospectTz,
    },
    enrolledAt: formatInstant(e.enrolledAt),
    visitedAt: iso(e.visitedAt),
    invitedAt: iso(e.invitedAt),
    acceptedAt: iso(e.acceptedAt),
    repliedAt: iso(e.repliedAt),
    withdrawnAt: iso(e.withdrawnAt),
  };
}

async function namesOf(app: App) {
  const ws = app.ctx.workspaceId;
  return {
    campaigns: new Map((await app.store.listCampaigns(ws)).map((c) => [c.id, c.name])),
    accounts: new Map((await app.store.listAccounts(ws)).map((a) => [a.id, a.name])),
  };
}

export function registerEnrollmentRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/enrollments",
      tags: ["enrollments"],
      summary: "Enrollments with their prospect, newest first, filtered by campaign, account or status",
      request: {
        query: PageQuery.extend({
          ...ScopeQueryFields,
          status: z
            .enum(STATUSES)
            .optional()
            .openapi({ param: { name: "status", in: "query" } }),
        }),
      },
      responses: { ...ok("one page of enrollments", EnrollmentList), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const q = c.req.valid("query");
      const filter: EnrollmentFilter = {
        ...(q.campaign ? { campaignId: (await app.campaign(q.campaign)).id } : {}),
        ...(q.account ? { accountId: (await app.account(q.account)).id } : {}),
        ...(q.status ? { status: q.status } : {}),
      };
      const { total, rows } = await app.store.listEnrollments(app.ctx.workspaceId, filter, {
        offset: (q.page - 1) * q.perPage,
        limit: q.perPage,
      });
      const names = await namesOf(app);
      const next = q.page * q.perPage < total ? q.page + 1 : null;
      return c.json(
        { enrollments: rows.map((row) => enrollmentJson(row, names)), page: { number: q.page, perPage: q.perPage, total, next } },
        200,
      );
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/enrollments/{id}/remove",
      tags: ["enrollments"],
      summary: "Remove a prospect from its campaign: the enrollment ends (removed); a pending invitation is still withdrawn on schedule",
      description:
        "A ready enrollment ends now. One whose invitation is pending keeps only its scheduled withdrawal, then ends; one with a task in flight ends with that task's result (a task nobody held is put back unperformed). 409 when it has ended already.",
      request: { params: IdParam },
      responses: { ...ok("what became of the enrollment", ProspectRemoved), ...failures(404, 409, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const id = c.req.valid("param").id;
      const ended = await app.removeEnrollment(id);
      const e = await app.store.getEnrollment(id);
      const person = e ? await app.store.getPerson(e.personId) : null;
      return c.json(removeProspectJson({ person: { id: person?.id ?? 0, url: person?.displayUrl ?? "" }, enrollments: [ended] }), 200);
    },
  );
}
