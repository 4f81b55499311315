/**
 * The answers' schemas in the OpenAPI document (from which the dashboard's types are generated) describe the
 * JSON the routes really send: parsing an answer with its schema keeps every field as it was.
 */
import { describe, expect, it } from "vitest";
import { AccountList, AccountWithStatus, StoredAccount } from "../../src/api/routes/accounts.js";
import { CampaignList, OneCampaign } from "../../src/api/routes/campaigns.js";
import { InvitationList } from "../../src/api/routes/invitations.js";
import { CsvImportReport } from "../../src/api/routes/prospects.js";
import { AccountStatusSchema, StatusSchema } from "../../src/api/routes/status.js";
import { NextTask, TasksOverview } from "../../src/api/routes/tasks.js";
import { ACCOUNT, apiHarness, CAMPAIGN, LEADS, seeded } from "./api-harness.js";

describe("answers match their schemas", () => {
  it("GET /v1/status and an account's status", async () => {
    const h = await seeded();
    await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    const status = await h.call(h.tokenA, "GET", "/v1/status");
    expect(status.status).toBe(200);
    expect(status.body.accounts).toHaveLength(1);
    expect(StatusSchema.parse(status.body)).toEqual(status.body);
    const account = await h.call(h.tokenA, "GET", "/v1/accounts/alice");
    expect(AccountStatusSchema.parse(account.body.status)).toEqual(account.body.status);
    expect(AccountWithStatus.parse(account.body)).toEqual(account.body);
  });

  it("the accounts' routes", async () => {
    const h = await apiHarness();
    const added = await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    expect(added.status).toBe(201);
    expect(StoredAccount.parse(added.body)).toEqual(added.body);
    const list = await h.call(h.tokenA, "GET", "/v1/accounts");
    expect(list.body.accounts).toHaveLength(1);
    expect(AccountList.parse(list.body)).toEqual(list.body);
    const put = await h.call(h.tokenA, "PUT", "/v1/accounts/alice", ACCOUNT);
    expect(put.status).toBe(200);
    expect(AccountWithStatus.parse(put.body)).toEqual(put.body);
  });

  it("the runner's task routes: a task, a task held by another runner, a wait, and the overview", async () => {
    const h = await seeded();
    const task = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    expect(task.body.type).toBe("task");
    expect(NextTask.parse(task.body)).toEqual(task.body);
    const held = await h.call(h.tokenB, "POST", "/v1/tasks/next", { account: "alice" });
    const overview = await h.call(h.tokenA, "GET", "/v1/tasks");
    expect(overview.body.accounts[0].inProgress).toHaveLength(1);
    expect(TasksOverview.parse(overview.body)).toEqual(overview.body);
    await h.call(h.tokenA, "POST", `/v1/tasks/${task.body.task.actionId}/report`, { key: "d" });
    const wait = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    expect(wait.body.type).toBe("wait");
    expect(NextTask.parse(wait.body)).toEqual(wait.body);
    void held;
  });

  it("campaigns and invitations", async () => {
    const h = await seeded();
    const list = await h.call(h.tokenA, "GET", "/v1/campaigns");
    expect(list.body.campaigns).toHaveLength(1);
    expect(CampaignList.parse(list.body)).toEqual(list.body);
    const one = await h.call(h.tokenA, "GET", "/v1/campaigns/q1");
    expect(OneCampaign.parse(one.body)).toEqual(one.body);
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    const invitations = await h.call(h.tokenA, "GET", "/v1/invitations");
    expect(invitations.body.invitations).toHaveLength(1);
    expect(InvitationList.parse(invitations.body)).toEqual(invitations.body);
  });

  it("the prospect CSV import's report, rejects included", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN);
    const report = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1&dryRun=true", `${LEADS}"unclosed,quote\n`, {
      "content-type": "text/csv",
    });
    expect(report.status).toBe(200);
    expect(report.body.rejects.length).toBeGreaterThan(0);
    expect(CsvImportReport.parse(report.body)).toEqual(report.body);
  });
});
