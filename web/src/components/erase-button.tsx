/**
 * Erase… a person everywhere (DELETE /v1/persons/{id}, docs/privacy.md), after a confirmation; the answer's
 * summary is shown, since it may name an invitation to withdraw by hand. Offered wherever a person is listed
 * (a campaign's enrollments, the Replies page).
 */
import { request } from "../api";
import type { ApiSchema } from "../api-json";
import { ConfirmedButton } from "./confirmed-button";

export function EraseButton(props: {
  personId: number;
  /** The person's name as shown (the button's label says it). */
  name: string;
  /** Their profile URL, said in the confirmation when there is no name. */
  url: string;
  /** An invitation to them is pending: the confirmation says it must then be withdrawn by hand. */
  invitationPending?: boolean;
  onDone: () => void;
}) {
  const question = () => {
    const pending = props.invitationPending
      ? " Their pending invitation can then no longer be withdrawn by linkpace: withdraw it by hand on LinkedIn."
      : "";
    return `Erase ${props.name || props.url} everywhere? Their data, enrollments in every campaign, notes, messages and replies are deleted for good, and they go on the do-not-contact list (as a hash), so no later import brings them back.${pending}`;
  };
  const run = async () => {
    const out = await request<ApiSchema<"PersonErased">>("DELETE", `/v1/persons/${props.personId}`);
    alert(out.summary);
    props.onDone();
  };
  return (
    <ConfirmedButton label={`Erase ${props.name}`} question={question} run={run}>
      Erase…
    </ConfirmedButton>
  );
}
