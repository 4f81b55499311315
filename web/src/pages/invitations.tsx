/** Placeholder: replaced by the page's real implementation. */
export function InvitationsPage(_props: { query: URLSearchParams }) {
  return <p>InvitationsPage: to be built.</p>;
}
