/**
 * A button for an action that cannot be undone: it asks for a confirmation first, is disabled while the request
 * runs, and shows the request's error next to it. Used by Remove and Erase… on a campaign's enrollments and by
 * Erase… on the Replies page.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ErrorBox } from "./ui";

export function ConfirmedButton(props: {
  /** The button's accessible name (its text may be shorter). */
  label: string;
  /** The question asked first: the action runs only once it is accepted. */
  question: () => string;
  run: () => Promise<void>;
  children: ComponentChildren;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const click = async () => {
    if (!confirm(props.question())) return;
    setBusy(true);
    setError(null);
    try {
      await props.run();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="danger" disabled={busy} onClick={click} aria-label={props.label}>
        {props.children}
      </button>
      <ErrorBox error={error} />
    </>
  );
}
