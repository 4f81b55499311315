/**
 * The campaign editor's form pieces: the schedule and one step. Each input has a label; the problems the
 * server reported for a field (a 422 from the preview or from creating) are shown under that field. A connect's
 * note or a message's text is one template, or (after "Add variant") a list of named variants, each with Pause
 * and Remove (docs/variants.md).
 */
import type { ProblemField } from "../api";
import { addVariant, problemsAt, WEEKDAYS, type CampaignForm, type StepForm, type VariantForm } from "./editor-model";

export function FieldProblems(props: { problems: ProblemField[]; id?: string }) {
  if (props.problems.length === 0) return null;
  return (
    <ul class="field-problems" id={props.id} role="alert">
      {props.problems.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

let zones: string[] | null = null;
function timeZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  return zones;
}

export function ScheduleFields(props: { form: CampaignForm; problems: ProblemField[]; onChange: (patch: Partial<CampaignForm>) => void }) {
  const { form, problems, onChange } = props;
  const zoneList = timeZones();
  const known = form.timezone === "recipient" || zoneList.includes(form.timezone);
  const toggleDay = (day: string, on: boolean) => onChange({ days: WEEKDAYS.filter((d) => (d === day ? on : form.days.includes(d))) });
  return (
    <fieldset class="editor-fieldset">
      <legend>Schedule: when invitations and messages may reach prospects</legend>
      <div class="ed-field">
        <label for="schedule-timezone">Time zone</label>
        <select id="schedule-timezone" value={form.timezone} onChange={(e) => onChange({ timezone: e.currentTarget.value })}>
          <option value="recipient">Each prospect's own zone (recipient)</option>
          {known ? null : <option value={form.timezone}>{form.timezone}</option>}
          {zoneList.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <FieldProblems problems={problemsAt(problems, "schedule.timezone")} />
      </div>
      <div class="ed-field">
        <span class="ed-label" id="schedule-days-label">
          Days
        </span>
        <div class="days" role="group" aria-labelledby="schedule-days-label">
          {WEEKDAYS.map((d) => (
            <span key={d} class="day">
              <input
                type="checkbox"
                id={`day-${d}`}
                checked={form.days.includes(d)}
                onChange={(e) => toggleDay(d, e.currentTarget.checked)}
              />
              <label for={`day-${d}`}>{d}</label>
            </span>
          ))}
        </div>
        <FieldProblems problems={problemsAt(problems, "schedule.days")} />
      </div>
      <div class="ed-field">
        <label for="schedule-hours">Hours</label>
        <input
          id="schedule-hours"
          value={form.hours}
          placeholder="09:00-17:00"
          onInput={(e) => onChange({ hours: e.currentTarget.value })}
        />
        <span class="ed-hint">In that zone's local time; several windows separated by commas: 09:00-12:00, 14:00-17:00.</span>
        <FieldProblems problems={[...problemsAt(problems, "schedule.hours"), ...problemsAt(problems, "schedule", true)]} />
      </div>
      <div class="ed-field ed-inline">
        <input
          type="checkbox"
          id="stop-on-reply"
          checked={form.stopOnReply}
          onChange={(e) => onChange({ stopOnReply: e.currentTarget.checked })}
        />
        <label for="stop-on-reply">Stop the sequence when the prospect replies</label>
        <FieldProblems problems={problemsAt(problems, "stopOnReply")} />
      </div>
      <div class="ed-field">
        <label for="priority">Priority</label>
        <input
          id="priority"
          inputMode="decimal"
          value={form.priority}
          placeholder="1"
          onInput={(e) => onChange({ priority: e.currentTarget.value })}
        />
        <span class="ed-hint">
          Its weight when the account's daily invitations and messages are shared among its campaigns: 2 gets twice what a campaign of
          priority 1 gets. A campaign with nothing due leaves its share to the others.
        </span>
        <FieldProblems problems={problemsAt(problems, "priority")} />
      </div>
    </fieldset>
  );
}

const TITLES: Record<StepForm["kind"], string> = {
  visit: "Visit the profile",
  connect: "Connect",
  message: "Message",
  withdraw: "Withdraw the invitation",
};

export function StepEditor(props: {
  step: StepForm;
  index: number;
  count: number;
  /** What the wait counts from: enrollment, acceptance, the invitation, the previous step. */
  afterWhat: string;
  problems: ProblemField[];
  onChange: (patch: Partial<StepForm>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { step, index, problems, onChange } = props;
  const id = (name: string) => `step-${step.id}-${name}`;
  const at = (name: string) => problemsAt(problems, `steps[${index}].${step.kind}.${name}`);
  const n = index + 1;
  return (
    <li class="step-card" data-kind={step.kind} data-testid={`step-${n}`}>
      <div class="step-head">
        <h3>
          <span class="step-number">{n}</span> {TITLES[step.kind]}
        </h3>
        <div class="step-tools">
          <button type="button" aria-label={`Move step ${n} up`} disabled={index === 0} onClick={() => props.onMove(-1)}>
            ↑ Up
          </button>
          <button type="button" aria-label={`Move step ${n} down`} disabled={index === props.count - 1} onClick={() => props.onMove(1)}>
            ↓ Down
          </button>
          <button type="button" aria-label={`Remove step ${n}`} onClick={props.onRemove}>
            Remove
          </button>
        </div>
      </div>
      <FieldProblems
        problems={[...problemsAt(problems, `steps[${index}]`, true), ...problemsAt(problems, `steps[${index}].${step.kind}`, true)]}
      />
      <div class="step-fields">
        <div class="ed-field ed-short">
          <label for={id("after")}>{step.kind === "withdraw" ? "Withdraw after" : "Wait before this step"}</label>
          <input
            id={id("after")}
            value={step.after}
            placeholder={step.kind === "withdraw" ? "21d" : "0s"}
            onInput={(e) => onChange({ after: e.currentTarget.value })}
          />
          <span class="ed-hint">{props.afterWhat}, e.g. 90s, 5m, 2h, 3d, 1w.</span>
          <FieldProblems problems={at("after")} />
        </div>
        {step.kind === "connect" ? (
          <>
            {step.variants.length > 0 ? (
              <VariantsEditor
                step={step}
                n={n}
                what="Note"
                placeholder="Empty: invite without a note"
                problems={at("note")}
                onChange={(variants) => onChange(variants.length > 0 ? { variants } : { variants, note: step.variants[0]?.text ?? "" })}
              />
            ) : (
              <div class="ed-field">
                <label for={id("note")}>Note template</label>
                <textarea
                  id={id("note")}
                  rows={4}
                  value={step.note}
                  placeholder="Empty: invite without a note"
                  onInput={(e) => onChange({ note: e.currentTarget.value })}
                />
                <AddVariantButton n={n} onClick={() => onChange({ variants: addVariant([], step.note) })} />
                <FieldProblems problems={at("note")} />
              </div>
            )}
            <div class="ed-field ed-short">
              <label for={id("fallback")}>When the note cannot be sent</label>
              <select
                id={id("fallback")}
                value={step.noteFallback}
                onChange={(e) => onChange({ noteFallback: e.currentTarget.value === "skip" ? "skip" : "blank" })}
              >
                <option value="blank">invite without a note</option>
                <option value="skip">skip the prospect</option>
              </select>
              <FieldProblems problems={at("noteFallback")} />
            </div>
            <div class="ed-field ed-short">
              <label for={id("withdraw")}>Withdraw if still pending after</label>
              <input
                id={id("withdraw")}
                value={step.withdrawAfter}
                placeholder="21d (never: keep pending)"
                onInput={(e) => onChange({ withdrawAfter: e.currentTarget.value })}
              />
              <FieldProblems problems={at("withdrawAfter")} />
            </div>
          </>
        ) : null}
        {step.kind === "message" ? (
          step.variants.length > 0 ? (
            <VariantsEditor
              step={step}
              n={n}
              what="Message"
              problems={at("text")}
              onChange={(variants) => onChange(variants.length > 0 ? { variants } : { variants, text: step.variants[0]?.text ?? "" })}
            />
          ) : (
            <div class="ed-field">
              <label for={id("text")}>Message template</label>
              <textarea id={id("text")} rows={4} value={step.text} onInput={(e) => onChange({ text: e.currentTarget.value })} />
              <AddVariantButton n={n} onClick={() => onChange({ variants: addVariant([], step.text) })} />
              <FieldProblems problems={at("text")} />
            </div>
          )
        ) : null}
      </div>
    </li>
  );
}

function AddVariantButton(props: { n: number; onClick: () => void }) {
  return (
    <div class="variant-tools">
      <button type="button" aria-label={`Add variant to step ${props.n}`} onClick={props.onClick}>
        + Add variant
      </button>
      <span class="ed-hint">Test several texts: linkpace sends each and learns which does best.</span>
    </div>
  );
}

/**
 * A step's variants: a name and a template per row, with Pause and Remove; removing the last row goes back to a
 * single text (the caller keeps that row's text). The server's problems for the note or text are listed below.
 */
function VariantsEditor(props: {
  step: StepForm;
  n: number;
  what: "Note" | "Message";
  placeholder?: string;
  problems: ProblemField[];
  onChange: (variants: VariantForm[]) => void;
}) {
  const { step, n, what } = props;
  const id = (i: number, name: string) => `step-${step.id}-variant-${i}-${name}`;
  const set = (i: number, patch: Partial<VariantForm>) => props.onChange(step.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <fieldset class="variants" data-testid={`step-${n}-variants`}>
      <legend>{what} variants</legend>
      <ol class="variant-list">
        {step.variants.map((v, i) => (
          <li key={i} class="variant-row" data-paused={v.paused ? "true" : undefined}>
            <div class="ed-field ed-short">
              <label for={id(i, "name")}>Variant {i + 1} name</label>
              <input id={id(i, "name")} value={v.name} autocomplete="off" onInput={(e) => set(i, { name: e.currentTarget.value })} />
            </div>
            <div class="ed-field">
              <label for={id(i, "text")}>
                Variant {i + 1} {what.toLowerCase()} template
              </label>
              <textarea
                id={id(i, "text")}
                rows={3}
                value={v.text}
                placeholder={props.placeholder}
                onInput={(e) => set(i, { text: e.currentTarget.value })}
              />
            </div>
            <div class="variant-row-tools">
              <span class="ed-inline">
                <input
                  type="checkbox"
                  id={id(i, "paused")}
                  checked={v.paused}
                  onChange={(e) => set(i, { paused: e.currentTarget.checked })}
                />
                <label for={id(i, "paused")}>Pause</label>
              </span>
              <button
                type="button"
                aria-label={`Remove variant ${v.name || i + 1} of step ${n}`}
                onClick={() => props.onChange(step.variants.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div class="variant-tools">
        <button type="button" aria-label={`Add variant to step ${n}`} onClick={() => props.onChange(addVariant(step.variants, ""))}>
          + Add variant
        </button>
        <span class="ed-hint">
          Names: letters, digits, - or _, unique in the step. A paused variant is not sent; editing a text starts its results afresh.
        </span>
      </div>
      <FieldProblems problems={props.problems} />
    </fieldset>
  );
}

/** What step `index`'s `after` counts from: enrollment for the first step, the invitation for a withdraw, the acceptance after a connect, else the previous step. */
export function afterWhat(steps: StepForm[], index: number): string {
  const step = steps[index];
  if (step?.kind === "withdraw") return "Counted from the invitation";
  if (index === 0) return "Counted from enrollment";
  return steps[index - 1]?.kind === "connect" ? "Counted from acceptance" : "Counted from the previous step";
}
