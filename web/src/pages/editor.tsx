/**
 * The campaign editor: `#/editor` starts from a sensible sequence, `#/editor/FROM` from a copy of campaign
 * FROM's definition under a new name. The form (or the raw JSON document, on the JSON tab) is previewed live
 * for real prospects (POST /v1/campaigns/preview, 300 ms after the last change); the problems the server finds
 * are shown next to their fields. "Create campaign" posts the document and opens the new campaign's page.
 * `#/editor/NAME/edit` edits campaign NAME itself: "Save changes" asks the server what the update would do
 * (PUT /v1/campaigns/NAME?dryRun=true: steps mapped, people moved, texts that would not be sendable), shows it
 * for confirmation, then saves the next version and opens the campaign's page.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, get, post, request, withQuery, type ProblemField } from "../api";
import type { ApiSchema } from "../api-json";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { useApi } from "../hooks";
import { href, navigate } from "../router";
import { afterWhat, FieldProblems, ScheduleFields, StepEditor } from "./editor-form";
import {
  defaultForm,
  documentField,
  fromDocument,
  newStep,
  problemsAt,
  STEP_KINDS,
  toDocument,
  type CampaignForm,
  type StepForm,
  type StepKind,
} from "./editor-model";
import { PreviewPane, type CampaignPreview } from "./editor-preview";
import "./editor.css";

const PREVIEW_DEBOUNCE_MS = 300;
/** The preview needs a valid name; while the name field is still empty it previews under this one. */
const UNNAMED = "untitled";

type AccountList = ApiSchema<"AccountList">;

export function EditorPage(props: { from: string | null; edit?: boolean }) {
  const accounts = useApi(() => get<AccountList>(withQuery("/v1/accounts", { perPage: 500 })), []);
  const source = useApi(
    () => (props.from ? get<ApiSchema<"OneCampaign">>(`/v1/campaigns/${encodeURIComponent(props.from)}`) : Promise.resolve(null)),
    [props.from],
  );
  const editing = props.edit === true && props.from !== null;
  const title = editing
    ? `Edit campaign ${props.from}${source.data ? ` (version ${source.data.campaign.version})` : ""}`
    : props.from
      ? `New campaign from ${props.from}`
      : "New campaign";
  const error = accounts.error ?? source.error;
  if (error) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorBox error={error} />
      </>
    );
  }
  if (!accounts.data || (props.from && !source.data)) {
    return (
      <>
        <PageHeader title={title} />
        <Loading />
      </>
    );
  }
  if (accounts.data.accounts.length === 0) {
    return (
      <>
        <PageHeader title={title} />
        <Empty>
          A campaign sends from an account: add one on the <a href={href("accounts")}>Accounts</a> page first.
        </Empty>
      </>
    );
  }
  let initial: CampaignForm | string = defaultForm(accounts.data.accounts[0]!.name);
  if (props.from && source.data) {
    initial = fromDocument(source.data.campaign.definition);
    if (typeof initial !== "string" && !editing) initial.name = `${props.from}-copy`;
  }
  if (typeof initial === "string") return <ErrorBox error={`campaign ${props.from}: ${initial}`} />;
  return (
    <Editor
      key={`${props.from ?? ""}${editing ? "/edit" : ""}`}
      title={title}
      initial={initial}
      accounts={accounts.data.accounts}
      editing={editing ? props.from : null}
    />
  );
}

type Mode = "form" | "json";

/** Where each form field lives in the document (problems name document paths). */
const DOCUMENT_PART: Record<keyof CampaignForm, string> = {
  name: "name",
  account: "account",
  timezone: "schedule",
  days: "schedule",
  hours: "schedule",
  stopOnReply: "stopOnReply",
  priority: "priority",
  autoWinner: "autoWinner",
  steps: "steps",
};

type CampaignUpdated = ApiSchema<"CampaignUpdated">;

/** What the confirmation of Save changes says: the dry run's summary and the texts that would not be sendable. */
function updateQuestion(dry: CampaignUpdated): string {
  const listed = dry.unsendable.listed.map((u) => `  ${u.profile}: step ${u.step}: ${u.reason}`);
  const more = dry.unsendable.count > listed.length ? [`  … and ${dry.unsendable.count - listed.length} more`] : [];
  return [dry.summary, ...listed, ...more, "", "Save these changes?"].join("\n");
}

function Editor(props: { title: string; initial: CampaignForm; accounts: AccountList["accounts"]; editing: string | null }) {
  const [form, setForm] = useState(props.initial);
  const [mode, setMode] = useState<Mode>("form");
  const [jsonText, setJsonText] = useState("");
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewProblems, setPreviewProblems] = useState<ProblemField[]>([]);
  const [pending, setPending] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const [createProblems, setCreateProblems] = useState<ProblemField[]>([]);
  const [creating, setCreating] = useState(false);
  const seq = useRef(0);

  const json = useMemo(() => {
    if (mode !== "json") return null;
    try {
      return { value: JSON.parse(jsonText) as unknown, error: null };
    } catch (e) {
      return { value: null, error: `The JSON does not parse: ${(e as Error).message}` };
    }
  }, [mode, jsonText]);

  /** The document to create (as typed) and the one to preview (with a stand-in name while there is none). */
  const doc = mode === "json" ? (json?.value ?? null) : toDocument(form);
  const previewDocument = mode === "json" ? doc : toDocument({ ...form, name: form.name.trim() || UNNAMED });
  const previewKey = previewDocument === null ? "" : JSON.stringify(previewDocument);
  const accountName = mode === "form" ? form.account : String((doc as { account?: unknown } | null)?.account ?? "");

  useEffect(() => {
    if (previewKey === "") return undefined;
    const mine = ++seq.current;
    setPending(true);
    const timer = setTimeout(() => {
      post<CampaignPreview>("/v1/campaigns/preview", { definition: JSON.parse(previewKey), limit: 10 }).then(
        (p) => {
          if (mine !== seq.current) return;
          setPreview(p);
          setPreviewError(null);
          setPreviewProblems([]);
          setPending(false);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setPreviewError(e);
          setPreviewProblems(e instanceof ApiError ? e.fields.map((f) => ({ ...f, field: documentField(f.field) })) : []);
          setPending(false);
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [previewKey]);

  const problems = [
    ...previewProblems,
    ...createProblems.filter((c) => !previewProblems.some((p) => p.field === c.field && p.message === c.message)),
  ];

  const change = (patch: Partial<CampaignForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // What creating reported about the part just edited is out of date (the live preview reports afresh).
    const edited = Object.keys(patch).map((k) => DOCUMENT_PART[k as keyof CampaignForm]);
    setCreateProblems((ps) =>
      ps.filter((p) => !edited.some((part) => p.field === part || p.field.startsWith(`${part}.`) || p.field.startsWith(`${part}[`))),
    );
    setCreateError(null);
  };
  const changeStep = (id: number, patch: Partial<StepForm>) =>
    change({ steps: form.steps.map((s) => (s.id === id ? { ...s, ...patch } : s)) });
  const moveStep = (index: number, by: -1 | 1) => {
    const steps = [...form.steps];
    const [moved] = steps.splice(index, 1);
    steps.splice(index + by, 0, moved!);
    change({ steps });
  };
  const addStep = (kind: StepKind) => change({ steps: [...form.steps, newStep(kind, kind === "withdraw" ? { after: "21d" } : {})] });

  const switchMode = (next: Mode) => {
    if (next === mode) return;
    if (next === "json") {
      setJsonText(JSON.stringify(toDocument(form), null, 2));
      setMode("json");
      return;
    }
    if (!json || json.error) return setCreateError(json?.error ?? "nothing to show");
    const parsed = fromDocument(json.value);
    if (typeof parsed === "string")
      return setCreateError(`The form cannot show this document (${parsed}); fix it here or keep editing it as JSON.`);
    setCreateError(null);
    setForm(parsed);
    setMode("form");
  };

  const create = async (e: Event) => {
    e.preventDefault();
    if (doc === null) return setCreateError(json?.error ?? "nothing to create");
    setCreating(true);
    setCreateError(null);
    try {
      if (props.editing !== null) {
        const path = `/v1/campaigns/${encodeURIComponent(props.editing)}`;
        const dry = await request<CampaignUpdated>("PUT", withQuery(path, { dryRun: true }), doc);
        if (dry.changed && !window.confirm(updateQuestion(dry))) return;
        if (dry.changed) await request<CampaignUpdated>("PUT", path, doc);
        navigate("campaigns", props.editing);
        return;
      }
      const made = await post<ApiSchema<"OneCampaign">>("/v1/campaigns", doc);
      navigate("campaigns", made.campaign.name);
    } catch (err) {
      setCreateError(err);
      setCreateProblems(err instanceof ApiError ? err.fields.map((f) => ({ ...f, field: documentField(f.field) })) : []);
    } finally {
      setCreating(false);
    }
  };

  const accountType = props.accounts.find((a) => a.name === accountName)?.type ?? null;

  return (
    <form class="editor" onSubmit={create} noValidate>
      <PageHeader title={props.title}>
        <div class="tabs" role="tablist" aria-label="Edit as">
          {(["form", "json"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              class={mode === m ? "tab is-active" : "tab"}
              onClick={() => switchMode(m)}
            >
              {m === "form" ? "Form" : "JSON"}
            </button>
          ))}
        </div>
        <button type="submit" class="primary" disabled={creating || doc === null}>
          {props.editing !== null ? (creating ? "Saving…" : "Save changes") : creating ? "Creating…" : "Create campaign"}
        </button>
      </PageHeader>
      <ErrorBox error={createError} />

      <div class="editor-layout">
        <div class="editor-main">
          {mode === "json" ? (
            <div class="ed-field">
              <label for="campaign-json">Campaign document (JSON)</label>
              <textarea
                id="campaign-json"
                class="json-editor"
                rows={28}
                spellcheck={false}
                value={jsonText}
                onInput={(e) => setJsonText(e.currentTarget.value)}
              />
              {json?.error ? <p class="field-problems">{json.error}</p> : null}
              <FieldProblems problems={problems} />
            </div>
          ) : (
            <>
              <fieldset class="editor-fieldset">
                <legend>Campaign</legend>
                <div class="ed-row">
                  <div class="ed-field">
                    <label for="campaign-name">Name</label>
                    <input
                      id="campaign-name"
                      value={form.name}
                      required
                      placeholder="founders-q1"
                      autocomplete="off"
                      onInput={(e) => change({ name: e.currentTarget.value })}
                    />
                    <span class="ed-hint">Letters, digits, "-", "_", "." or "@"; unique in the workspace.</span>
                    <FieldProblems problems={problemsAt(problems, "name")} />
                  </div>
                  <div class="ed-field">
                    <label for="campaign-account">Account</label>
                    <select id="campaign-account" value={form.account} onChange={(e) => change({ account: e.currentTarget.value })}>
                      {props.accounts.some((a) => a.name === form.account) ? null : (
                        <option value={form.account}>{form.account || "(choose)"}</option>
                      )}
                      {props.accounts.map((a) => (
                        <option key={a.name} value={a.name}>
                          {a.name} ({a.type})
                        </option>
                      ))}
                    </select>
                    <FieldProblems problems={problemsAt(problems, "account")} />
                  </div>
                </div>
              </fieldset>
              <ScheduleFields form={form} problems={problems} onChange={change} />
              <fieldset class="editor-fieldset">
                <legend>Steps</legend>
                <FieldProblems problems={problemsAt(problems, "steps", true)} />
                {form.steps.length === 0 ? <p class="empty">No steps yet: a campaign needs at least one.</p> : null}
                <ol class="steps">
                  {form.steps.map((s, i) => (
                    <StepEditor
                      key={s.id}
                      step={s}
                      index={i}
                      count={form.steps.length}
                      afterWhat={afterWhat(form.steps, i)}
                      problems={problems}
                      onChange={(patch) => changeStep(s.id, patch)}
                      onMove={(by) => moveStep(i, by)}
                      onRemove={() => change({ steps: form.steps.filter((x) => x.id !== s.id) })}
                    />
                  ))}
                </ol>
                {form.autoWinner || form.steps.some((s) => s.variants.length > 0) ? (
                  <div class="ed-field ed-inline">
                    <input
                      type="checkbox"
                      id="auto-winner"
                      checked={form.autoWinner}
                      onChange={(e) => change({ autoWinner: e.currentTarget.checked })}
                    />
                    <label for="auto-winner">Once a variant is clearly best, send only it (autoWinner)</label>
                    <FieldProblems problems={problemsAt(problems, "autoWinner")} />
                  </div>
                ) : null}
                <div class="add-steps">
                  {STEP_KINDS.map((k) => (
                    <button key={k} type="button" onClick={() => addStep(k)}>
                      + Add {k}
                    </button>
                  ))}
                </div>
                <details class="template-help">
                  <summary>Template variables</summary>
                  <p>
                    Notes and messages are Liquid templates: <code>{"{{ firstName }}"}</code>, <code>{"{{ lastName }}"}</code>,{" "}
                    <code>{"{{ fullName }}"}</code>, <code>{"{{ company }}"}</code>, <code>{"{{ title }}"}</code>,{" "}
                    <code>{"{{ location }}"}</code>, and any other imported column as <code>{"{{ custom.column }}"}</code>. An empty
                    variable makes the text unsendable unless it has a default: <code>{"{{ company | default: 'your company' }}"}</code>.
                  </p>
                </details>
              </fieldset>
            </>
          )}
        </div>

        <aside class="editor-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview {pending ? <span class="muted small">updating…</span> : null}</h2>
          {accountType ? (
            <p class="muted small">
              Account {accountName}: {accountType}.
            </p>
          ) : null}
          {previewError ? <PreviewProblems error={previewError} problems={previewProblems} stale={preview !== null} /> : null}
          <PreviewPane
            preview={preview}
            pending={pending || previewError !== null}
            campaignName={mode === "form" ? form.name.trim() || UNNAMED : String((doc as { name?: unknown } | null)?.name ?? "")}
          />
        </aside>
      </div>
    </form>
  );
}

/** Why the preview could not be rendered: the definition's problems (a 422) by field, or the error as is. */
function PreviewProblems(props: { error: unknown; problems: ProblemField[]; stale: boolean }) {
  if (!(props.error instanceof ApiError && props.error.status === 422 && props.problems.length > 0))
    return <ErrorBox error={props.error} />;
  return (
    <div class="error" role="alert" data-testid="preview-problems">
      <p>Cannot preview: fix {props.problems.length === 1 ? "this problem" : `these ${props.problems.length} problems`} first.</p>
      <ul>
        {props.problems.map((p, i) => (
          <li key={i}>
            <code>{p.field}</code>: {p.message}
          </li>
        ))}
      </ul>
      {props.stale ? <p class="small">Below, dimmed: the last version that could be previewed.</p> : null}
    </div>
  );
}
