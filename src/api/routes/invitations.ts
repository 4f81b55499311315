/** /v1/invitations: every invitation sent, filtered by status, campaign or account; withdraw a pending one now. */
import { createRoute, z } from "@hono/zod-openapi";
import { wakeAccount } from "../../app.js";
import { LinkpaceError } from "../../core/errors.js";
import { formatInstant, formatInstantSeconds } from "../../core/time.js";
import { toSent, type InvitationStatus } from "../../engine/sent-invitations.js";
import { applyTransition } from "../../engine/transitions.js";
import type { EnrollmentRow } from "../../store/store.js";
import type { Router } from "../router.js";
import { failures, IdParam, ok, Page, PageQuery, paginate, ScopeQueryFields } from "../schemas.js";

const STATUSES = ["pending", "accepted", "replied", "withdrawn", "declined"] as const satisfies readonly InvitationStatus[];
/** Compiles only while STATUSES names every status `linkpace sent` can show. */
const EVERY_STATUS: [Exclude<InvitationStatus, (typeof STATUSES)[number]>] extends [never] ? true : never = true;
void EVERY_STATUS;

const Invitation = z
  .object({
    id: z.number().int().openapi({ description: "the enrollment's id" }),
    name: z.string(),
    profileUrl: z.string(),
    company: z.string(),
    title: z.string(),
    campaign: z.string(),
    account: z.string(),
    status: z.enum(STATUSES),
    sentAt: z.string(),
    note: z.string(),
    acceptedAt: z.string().nullable(),
    repliedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawalAt: z
      .string()
      .nullable()
      .openapi({ description: "while pending: when the withdrawal is due (the campaign's withdrawAfter, or when it was asked for)" }),
  })
  .openapi("Invitation");
export const InvitationList = z
  .object({ at: z.string().datetime().openapi({ description: "the server's clock" }), invitations: z.array(Invitation), page: Page })
  .openapi("InvitationList");

export function registerInvitationRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/invitations",
      tags: ["invitations"],
      summary: "Invitations sent, newest first",
      request: {
        query: PageQuery.extend({
          status: z
            .enum(STATUSES)
            .optional()
            .openapi({ param: { name: "status", in: "query" } }),
          ...ScopeQueryFields,
        }),
      },
      responses: { ...ok("invitations with their dates and status", InvitationList), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const q = c.req.valid("query");
      const filter = {
        ...(q.campaign ? { campaignId: (await app.campaign(q.campaign)).id } : {}),
        ...(q.account ? { accountId: (await app.account(q.account)).id } : {}),
      };
      const rows = (await app.store.listInvitations(app.ctx.workspaceId, filter))
        .map((row) => ({
          id: row.enrollmentId,
          ...toSent(row),
          withdrawalAt: row.status === "invited" && row.withdrawalAt !== null ? formatInstantSeconds(row.withdrawalAt) : null,
        }))
        .filter((x) => !q.status || x.status === q.status);
      const { items, page } = paginate(rows, q);
      return c.json({ at: formatInstant(app.now()), invitations: items, page }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/invitations/{id}/withdraw",
      tags: ["invitations"],
      summary: "Make a pending invitation's withdrawal due now",
      request: { params: IdParam },
      responses: { ...ok("the withdrawal is due; the engine performs it in the sender's working hours"), ...failures(404, 409) },
    }),
    async (c) => {
      const app = c.var.app;
      const { id } = c.req.valid("param");
      const now = app.now();
      await app.store.transaction(async (tx) => {
        const seen = await tx.getEnrollment(id);
        if (!seen || seen.workspaceId !== app.ctx.workspaceId || seen.invitedAt === null)
          throw new LinkpaceError("not_found", `no invitation ${id} in this workspace (see GET /v1/invitations)`);
        // Whatever else changes an enrollment (an action's result, an acceptance) holds its account's lock: take
        // it, then decide on the enrollment as it is now.
        const account = await tx.lockAccount(seen.accountId);
        const e = (await tx.getEnrollment(id)) as EnrollmentRow;
        if (e.status !== "invited" || e.acceptedAt !== null) {
          const why =
            e.status === "in_flight"
              ? "an action for it is in progress"
              : e.acceptedAt !== null
                ? "it was accepted"
                : "it is no longer pending";
          throw new LinkpaceError("conflict", `invitation ${id} cannot be withdrawn: ${why}`);
        }
        const campaign = await app.ctx.campaigns.get(e.campaignId, tx);
        await applyTransition({ store: tx, account: account.doc, campaign: campaign.doc, now }, e, { type: "withdrawal_requested" });
        await wakeAccount(tx, e.accountId, now);
      });
      return c.json({ invitation: { id, withdrawalDueAt: formatInstant(now) } }, 200);
    },
  );
}
