/** Placeholder: replaced by the page's real implementation. */
export function EditorPage(_props: { from: string | null }) {
  return <p>EditorPage: to be built.</p>;
}
