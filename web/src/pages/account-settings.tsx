/**
 * The Settings panel of an account's page: the account document read-only, and after Edit a
 * form for every setting but the name (campaigns refer to the account by it). Save sends the whole document with
 * PUT /v1/accounts/{name}, pacing and the sitting gap included; the server keeps what the governor learned (a
 * lowered weekly budget, a pause, the counts). A 422 marks each field it names and lists every problem below the form.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, request } from "../api";
import { ErrorBox } from "../components/ui";
import { timeZones, zonedDate } from "../zones";

/** The account document as GET /v1/accounts/{name} returns it (defaults filled in). */
export interface AccountDocument {
  name: string;
  timezone: string;
  type: string;
  created: string | null;
  workingHours: { days: string[]; hours: string | string[] };
  warmup: "auto" | "off";
  pacing: "drip" | "sittings";
  limits: {
    invitesPerWeek: number;
    invitesPerDay: number;
    messagesPerDay: number;
    visitsPerDay: number;
    pendingMax: number;
    notesPerMonth: number | null;
    minGap: string;
    sittingGap: string;
  };
}

export const ACCOUNT_TYPES: Array<{ value: string; label: string }> = [
  { value: "free", label: "Free" },
  { value: "premium", label: "Premium" },
  { value: "sales_navigator", label: "Sales Navigator" },
];

export const PACINGS: Array<{ value: string; label: string; explain: string }> = [
  {
    value: "drip",
    label: "drip",
    explain: "actions spread over the working hours, a gap between two; a sitting still brings due tasks back to back",
  },
  { value: "sittings", label: "sittings", explain: "tasks only while a sitting you start is open, back to back (for work a person does)" },
];

const pacingText = (pacing: string) => {
  const p = PACINGS.find((x) => x.value === pacing);
  return p ? `${p.label}: ${p.explain}` : pacing;
};

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

type CountKey = "invitesPerDay" | "invitesPerWeek" | "messagesPerDay" | "visitsPerDay" | "pendingMax";
const COUNTS: Array<[key: CountKey, label: string]> = [
  ["invitesPerDay", "Invitations a day"],
  ["invitesPerWeek", "Invitations a week (rolling 7 days)"],
  ["messagesPerDay", "Messages a day"],
  ["visitsPerDay", "Profile visits a day"],
  ["pendingMax", "Pending invitations cap"],
];

/** The form's values: text as typed, so that the server's 422 (not the browser) says what is wrong. */
interface Draft {
  timezone: string;
  type: string;
  created: string;
  days: string[];
  hours: string;
  warmup: string;
  pacing: string;
  counts: Record<CountKey, string>;
  notesPerMonth: string;
  minGap: string;
  sittingGap: string;
}

const hoursText = (hours: string | string[]) => (Array.isArray(hours) ? hours.join(", ") : hours);
/** The free type's default note quota; paid types have none unless set. */
const FREE_NOTES = "5";

function draftOf(d: AccountDocument): Draft {
  return {
    timezone: d.timezone,
    type: d.type,
    created: d.created ?? "",
    days: [...d.workingHours.days],
    hours: hoursText(d.workingHours.hours),
    warmup: d.warmup,
    pacing: d.pacing,
    counts: Object.fromEntries(COUNTS.map(([k]) => [k, String(d.limits[k])])) as Record<CountKey, string>,
    notesPerMonth: d.limits.notesPerMonth === null ? "" : String(d.limits.notesPerMonth),
    minGap: d.limits.minGap,
    sittingGap: d.limits.sittingGap,
  };
}

/** A whole number as a number; anything else as typed, for the server to name. */
const count = (v: string): number | string => (/^\s*\d+\s*$/.test(v) ? Number(v) : v);

function documentOf(name: string, d: Draft): Record<string, unknown> {
  const windows = d.hours
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
  return {
    name,
    timezone: d.timezone,
    type: d.type,
    created: d.created === "" ? null : d.created,
    workingHours: { days: DAYS.filter((day) => d.days.includes(day)), hours: windows.length === 1 ? windows[0] : windows },
    warmup: d.warmup,
    pacing: d.pacing,
    limits: {
      ...Object.fromEntries(COUNTS.map(([k]) => [k, count(d.counts[k])])),
      notesPerMonth: d.notesPerMonth.trim() === "" ? null : count(d.notesPerMonth),
      minGap: d.minGap.trim(),
      sittingGap: d.sittingGap.trim(),
    },
  };
}

export function AccountSettings(props: { doc: AccountDocument; onSaved: () => void }) {
  // The answer of the last save, shown until the reloaded document arrives.
  const [saved, setSaved] = useState<AccountDocument | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState(false);
  useEffect(() => setSaved(null), [props.doc]);
  const doc = saved ?? props.doc;
  return (
    <section class="card account-settings" aria-labelledby="settings-title">
      <div class="section-head">
        <h2 id="settings-title">Settings</h2>
        {editing ? null : (
          <button
            type="button"
            data-testid="edit-settings"
            onClick={() => {
              setNotice(false);
              setEditing(true);
            }}
          >
            Edit
          </button>
        )}
      </div>
      {editing ? (
        <SettingsForm
          doc={doc}
          onCancel={() => setEditing(false)}
          onSaved={(d) => {
            setSaved(d);
            setEditing(false);
            setNotice(true);
            props.onSaved();
          }}
        />
      ) : (
        <SettingsView doc={doc} />
      )}
      {notice && !editing ? (
        <p class="notice" role="status">
          Settings saved. What linkpace learned (a lowered weekly budget, a pause, today's counts) is kept.
        </p>
      ) : null}
    </section>
  );
}

function SettingsView(props: { doc: AccountDocument }) {
  const d = props.doc;
  const rows: Array<[string, string]> = [
    ["Type", ACCOUNT_TYPES.find((t) => t.value === d.type)?.label ?? d.type],
    ["Time zone", d.timezone],
    ["Created on LinkedIn", d.created ? zonedDate(`${d.created}T12:00:00Z`, "UTC") : "unknown (an established account)"],
    ["Working hours", `${d.workingHours.days.join(", ")} ${hoursText(d.workingHours.hours)}`],
    ["Warm-up", d.warmup],
    ["Pacing", pacingText(d.pacing)],
    ["Invitations", `${d.limits.invitesPerDay} a day, ${d.limits.invitesPerWeek} a week`],
    ["Messages", `${d.limits.messagesPerDay} a day`],
    ["Profile visits", `${d.limits.visitsPerDay} a day`],
    ["Pending cap", String(d.limits.pendingMax)],
    ["Notes", d.limits.notesPerMonth === null ? "unlimited" : `${d.limits.notesPerMonth} a month`],
    ["Least gap between actions", d.limits.minGap],
    ["Least gap during a sitting", d.limits.sittingGap],
  ];
  return (
    <dl class="settings">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function SettingsForm(props: { doc: AccountDocument; onCancel: () => void; onSaved: (doc: AccountDocument) => void }) {
  const zones = useMemo(() => [...new Set([...timeZones(), props.doc.timezone])].sort(), [props.doc.timezone]);
  const [draft, setDraft] = useState(() => draftOf(props.doc));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  /** The server's messages about `field` or anything inside it (`workingHours.hours[1]`). */
  const problems = (field: string): string[] =>
    error instanceof ApiError
      ? error.fields
          .filter((f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`))
          .map((f) => f.message)
      : [];
  const invalid = (field: string) => (problems(field).length > 0 ? true : undefined);
  const Problems = (p: { field: string }) => {
    const messages = problems(p.field);
    return messages.length === 0 ? null : (
      <span class="field-problem" data-field={p.field}>
        {messages.join("; ")}
      </span>
    );
  };

  const changeType = (type: string) =>
    setDraft((d) => {
      // Notes follow the type's default unless the user set them: free 5 a month, paid unlimited.
      const notesPerMonth =
        d.type === "free" && type !== "free" && d.notesPerMonth === FREE_NOTES
          ? ""
          : d.type !== "free" && type === "free" && d.notesPerMonth === ""
            ? FREE_NOTES
            : d.notesPerMonth;
      return { ...d, type, notesPerMonth };
    });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await request<{ account: AccountDocument }>(
        "PUT",
        `/v1/accounts/${encodeURIComponent(props.doc.name)}`,
        documentOf(props.doc.name, draft),
      );
      props.onSaved(r.account);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="settings-form" onSubmit={submit} data-testid="settings-form">
      <div class="field">
        <label for="edit-type">Type</label>
        <select id="edit-type" value={draft.type} aria-invalid={invalid("type")} onChange={(e) => changeType(e.currentTarget.value)}>
          {ACCOUNT_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <Problems field="type" />
      </div>
      <div class="field">
        <label for="edit-timezone">Time zone</label>
        <select
          id="edit-timezone"
          value={draft.timezone}
          aria-invalid={invalid("timezone")}
          onChange={(e) => set({ timezone: e.currentTarget.value })}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <Problems field="timezone" />
      </div>
      <div class="field">
        <label for="edit-created">Created on LinkedIn (empty: an established account)</label>
        <input
          id="edit-created"
          type="date"
          value={draft.created}
          aria-invalid={invalid("created")}
          onInput={(e) => set({ created: e.currentTarget.value })}
        />
        <Problems field="created" />
      </div>
      <fieldset class="field days" aria-invalid={invalid("workingHours.days")}>
        <legend>Working days</legend>
        <div class="day-boxes">
          {DAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={draft.days.includes(day)}
                onChange={(e) => set({ days: e.currentTarget.checked ? [...draft.days, day] : draft.days.filter((x) => x !== day) })}
              />{" "}
              {day}
            </label>
          ))}
        </div>
        <Problems field="workingHours.days" />
      </fieldset>
      <div class="field">
        <label for="edit-hours">Working hours (account's zone; several: 08:00-12:00, 14:00-18:00)</label>
        <input
          id="edit-hours"
          value={draft.hours}
          aria-invalid={invalid("workingHours.hours")}
          autocomplete="off"
          onInput={(e) => set({ hours: e.currentTarget.value })}
        />
        <Problems field="workingHours.hours" />
      </div>
      <div class="field">
        <label for="edit-warmup">Warm-up</label>
        <select
          id="edit-warmup"
          value={draft.warmup}
          aria-invalid={invalid("warmup")}
          onChange={(e) => set({ warmup: e.currentTarget.value })}
        >
          <option value="auto">auto (accounts younger than 90 days)</option>
          <option value="off">off</option>
        </select>
        <Problems field="warmup" />
      </div>
      <div class="field">
        <label for="edit-pacing">Pacing</label>
        <select
          id="edit-pacing"
          value={draft.pacing}
          aria-invalid={invalid("pacing")}
          aria-describedby="edit-pacing-explain"
          onChange={(e) => set({ pacing: e.currentTarget.value })}
        >
          {PACINGS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <span id="edit-pacing-explain" class="muted small" data-testid="pacing-explain">
          {PACINGS.find((p) => p.value === draft.pacing)?.explain ?? ""}
        </span>
        <Problems field="pacing" />
      </div>
      {COUNTS.map(([key, label]) => (
        <div class="field" key={key}>
          <label for={`edit-${key}`}>{label}</label>
          <input
            id={`edit-${key}`}
            inputMode="numeric"
            value={draft.counts[key]}
            aria-invalid={invalid(`limits.${key}`)}
            onInput={(e) => set({ counts: { ...draft.counts, [key]: e.currentTarget.value } })}
          />
          <Problems field={`limits.${key}`} />
        </div>
      ))}
      <div class="field">
        <label for="edit-notesPerMonth">Notes a month (empty: unlimited)</label>
        <input
          id="edit-notesPerMonth"
          inputMode="numeric"
          value={draft.notesPerMonth}
          aria-invalid={invalid("limits.notesPerMonth")}
          onInput={(e) => set({ notesPerMonth: e.currentTarget.value })}
        />
        <Problems field="limits.notesPerMonth" />
      </div>
      <div class="field">
        <label for="edit-minGap">Least gap between actions (e.g. 2m, 90s)</label>
        <input
          id="edit-minGap"
          value={draft.minGap}
          aria-invalid={invalid("limits.minGap")}
          autocomplete="off"
          onInput={(e) => set({ minGap: e.currentTarget.value })}
        />
        <Problems field="limits.minGap" />
      </div>
      <div class="field">
        <label for="edit-sittingGap">Least gap during a sitting (e.g. 20s)</label>
        <input
          id="edit-sittingGap"
          value={draft.sittingGap}
          aria-invalid={invalid("limits.sittingGap")}
          autocomplete="off"
          onInput={(e) => set({ sittingGap: e.currentTarget.value })}
        />
        <Problems field="limits.sittingGap" />
      </div>
      <p class="muted small">
        The name cannot change. Budgets already learned from LinkedIn (a lowered weekly budget, a pause) and today's counts are kept.
      </p>
      <ErrorBox error={error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
