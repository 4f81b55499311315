/** Rows for the store contract suite: complete values, overridable field by field. */
import { DEFAULT_WORKSPACE, type NewEnrollment, type NewLogRow, type NewPerson, type Store } from "../../src/store/store.js";
import { accountDoc, campaignDoc } from "../support/docs.js";

/** 2027-03-01T00:00:00Z: instants in the tests are offsets from here (well beyond 32-bit integers). */
export const T0 = Date.UTC(2027, 2, 1);

export function newPerson(over: Partial<NewPerson> = {}): NewPerson {
  return {
    workspaceId: DEFAULT_WORKSPACE,
    displayUrl: "https://www.linkedin.com/in/jane-doe",
    firstName: "Jane",
    lastName: "Doe",
    fullName: null,
    company: "Acme",
    title: "CTO",
    location: "Berlin, Germany",
    timezone: "Europe/Berlin",
    zoneSource: "explicit",
    custom: {},
    memberId: null,
    connectedAt: null,
    connected: false,
    lastWithdrawnAt: null,
    createdAt: T0,
    ...over,
  };
}

export function newEnrollment(
  ids: { campaignId: number; accountId: number; personId: number },
  over: Partial<NewEnrollment> = {},
): NewEnrollment {
  return {
    workspaceId: DEFAULT_WORKSPACE,
    ...ids,
    status: "ready",
    step: 0,
    nextKind: "visit",
    readyAt: T0,
    baseAt: T0,
    prospectTz: "Europe/Berlin",
    enrolledAt: T0,
    visitedAt: null,
    invitedAt: null,
    inviteNote: null,
    acceptedAt: null,
    lastMessageAt: null,
    messagesSent: 0,
    repliedAt: null,
    withdrawnAt: null,
    endedAt: null,
    endReason: null,
    leaseActionId: null,
    stopReason: null,
    ...over,
  };
}

export function newLog(accountId: number, over: Partial<NewLogRow> = {}): NewLogRow {
  return {
    workspaceId: DEFAULT_WORKSPACE,
    at: T0,
    type: "action",
    accountId,
    campaignId: null,
    personId: null,
    enrollmentId: null,
    prospect: null,
    prospectTz: null,
    kind: "visit",
    note: null,
    text: null,
    result: "ok",
    ...over,
  } as NewLogRow; // `over` may make it an event
}

/** An account "alice" and its campaign "c1", the setting most tests need. */
export async function seedAccountAndCampaign(store: Store, name = "alice"): Promise<{ accountId: number; campaignId: number }> {
  const account = await store.insertAccount({
    workspaceId: DEFAULT_WORKSPACE,
    name,
    doc: accountDoc({ name }),
    state: null,
    wakeAt: null,
    createdAt: T0,
  });
  const campaign = await store.insertCampaign({
    workspaceId: DEFAULT_WORKSPACE,
    name: `c-${name}`,
    accountId: account.id,
    doc: campaignDoc({ name: `c-${name}`, account: name }),
    status: "active",
    createdAt: T0,
  });
  return { accountId: account.id, campaignId: campaign.id };
}

/** `n` people with slugs p0, p1, …, inserted in order; their ids. */
export async function seedPeople(store: Store, n: number, prefix = "p"): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const url = `https://www.linkedin.com/in/${prefix}${i}`;
    ids.push(await store.insertPerson(newPerson({ displayUrl: url, firstName: `${prefix}${i}` }), [url]));
  }
  return ids;
}
