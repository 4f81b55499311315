/** Previous/next for the API's paginated lists (`page: {number, perPage, total, next}`). */
import type { ApiSchema } from "../api-json";

export type PageInfo = ApiSchema<"Page">;

export function Pager(props: { page: PageInfo; onPage: (n: number) => void; noun?: string }) {
  const { number, perPage, total, next } = props.page;
  if (total === 0) return null;
  const first = (number - 1) * perPage + 1;
  const last = Math.min(total, number * perPage);
  return (
    <nav class="pager" aria-label="pages">
      <span class="muted">
        {first > total ? `none of ${total}` : `${first}–${last} of ${total}`} {props.noun ?? ""}
      </span>
      {number > 1 || next !== null ? (
        <>
          <button type="button" disabled={number <= 1} onClick={() => props.onPage(number - 1)}>
            Previous
          </button>
          <button type="button" disabled={next === null} onClick={() => next !== null && props.onPage(next)}>
            Next
          </button>
        </>
      ) : null}
    </nav>
  );
}
