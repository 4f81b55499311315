import type { AccountDoc, CampaignDoc } from "../../src/core/model.js";
import { DAY, MINUTE, SECOND } from "../../src/core/time.js";

export function accountDoc(over: Partial<Omit<AccountDoc, "limits">> & { limits?: Partial<AccountDoc["limits"]> } = {}): AccountDoc {
  const { limits, ...rest } = over;
  const type = rest.type ?? "premium";
  return {
    name: "alice",
    timezone: "Europe/Paris",
    type,
    created: "2019-05-01",
    workingHours: { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 8 * 60, endMinute: 18 * 60 }] },
    warmup: "auto",
    pacing: "drip",
    noteMaxLength: type === "free" ? 200 : 300,
    ...rest,
    limits: {
      invitesPerWeek: 100,
      invitesPerDay: 20,
      messagesPerDay: 50,
      visitsPerDay: 80,
      pendingMax: 500,
      notesPerMonth: type === "free" ? 5 : null,
      minGap: 2 * MINUTE,
      sittingGap: 20 * SECOND,
      ...limits,
    },
  };
}

export function campaignDoc(over: Partial<CampaignDoc> = {}): CampaignDoc {
  return {
    name: "c1",
    account: "alice",
    schedule: {
      timezone: "recipient",
      hours: { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 9 * 60, endMinute: 17 * 60 }] },
    },
    stopOnReply: true,
    steps: [
      { kind: "visit", after: 0 },
      { kind: "connect", after: DAY, note: "Hi {{ firstName }}!", noteFallback: "blank", withdrawAfter: 21 * DAY },
      { kind: "message", after: 2 * DAY, text: "Thanks {{ firstName }}" },
    ],
    ...over,
  };
}
