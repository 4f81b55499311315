/** Placeholder: replaced by the page's real implementation. */
export function AccountsPage(_props: { name: string | null }) {
  return <p>AccountsPage: to be built.</p>;
}
