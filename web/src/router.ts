/** Hash routes (`#/campaigns/q1`): the server serves one index.html, and links work without server rewrites. */
import { useEffect, useState } from "preact/hooks";

export interface Route {
  page: string;
  /** Path segments after the page, decoded. */
  args: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = "", qs = ""] = hash.replace(/^#\/?/, "").split("?", 2);
  const [page = "", ...args] = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { page: page || "accounts", args, query: new URLSearchParams(qs) };
}

export function href(page: string, ...args: string[]): string {
  return `#/${[page, ...args].map(encodeURIComponent).join("/")}`;
}

export function navigate(page: string, ...args: string[]): void {
  location.hash = href(page, ...args);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}
