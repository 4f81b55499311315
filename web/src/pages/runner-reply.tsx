/**
 * The runner's "they replied" box (key r): the reply's text as pasted, optional, as the terminal runner takes it
 * after r. Enter or Record sends it (Shift+Enter starts a new line), Esc or Cancel closes it. Presentational: the
 * page (runner.tsx) owns the draft and POST /v1/tasks/{id}/reply. The runner's keys never fire from the box: the
 * page's listener leaves anything typed into a field alone (isTyping).
 */
import { useLayoutEffect, useRef } from "preact/hooks";

export function ReplyForm(props: {
  draft: string;
  busy: boolean;
  onDraft: (text: string) => void;
  onRecord: () => void;
  onCancel: () => void;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  // Focused as it appears (before the browser paints), so that a paste straight after r lands in it.
  useLayoutEffect(() => box.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      props.onCancel();
    } else if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (!props.busy) props.onRecord();
    }
  };

  return (
    <form
      class="runner-reply"
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.busy) props.onRecord();
      }}
    >
      <label for="reply-text">Their reply (optional: paste it to keep it with the reply)</label>
      <textarea
        id="reply-text"
        ref={box}
        rows={4}
        value={props.draft}
        onInput={(e) => props.onDraft(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="muted small">
        <kbd>Enter</kbd> records it (<kbd>Shift</kbd>+<kbd>Enter</kbd> a new line), <kbd>Esc</kbd> cancels. When the campaign stops on
        reply, this task goes back unperformed and the sequence ends.
      </p>
      <div class="runner-reply-buttons">
        <button type="submit" class="primary" disabled={props.busy}>
          Record reply
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
