/** Placeholder: replaced by the page's real implementation. */
export function CampaignsPage(_props: { name: string | null }) {
  return <p>CampaignsPage: to be built.</p>;
}
