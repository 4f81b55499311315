/** Placeholder: replaced by the page's real implementation. */
export function RunnerPage(_props: { account: string | null }) {
  return <p>RunnerPage: to be built.</p>;
}
