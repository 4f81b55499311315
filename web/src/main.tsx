/**
 * The dashboard: sign in with an API token (the server answers with an HttpOnly session cookie), then pages for
 * accounts, campaigns, sent invitations, replies, the day's plan (Today), the task runner, the campaign editor and
 * imports. It uses only the public /v1 API (api.ts).
 */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { currentSession, onSignedOut, signOut, type Session } from "./api";
import { ErrorBox, Loading } from "./components/ui";
import { AccountsPage } from "./pages/accounts";
import { CampaignsPage } from "./pages/campaigns";
import { EditorPage } from "./pages/editor";
import { ImportPage } from "./pages/import";
import { InvitationsPage } from "./pages/invitations";
import { RepliesPage } from "./pages/replies";
import { RunnerPage } from "./pages/runner";
import { SignInPage } from "./pages/sign-in";
import { SuppressionsPage } from "./pages/suppressions";
import { TodayPage } from "./pages/today";
import { href, useRoute, type Route } from "./router";
import "./styles.css";

const PAGES: Array<{ page: string; title: string }> = [
  { page: "accounts", title: "Accounts" },
  { page: "campaigns", title: "Campaigns" },
  { page: "invitations", title: "Invitations" },
  { page: "replies", title: "Replies" },
  { page: "today", title: "Today" },
  { page: "runner", title: "Runner" },
  { page: "editor", title: "Campaign editor" },
  { page: "import", title: "Import" },
  { page: "do-not-contact", title: "Do not contact" },
];

function Page(props: { route: Route }) {
  const { page, args, query } = props.route;
  switch (page) {
    case "accounts":
      return <AccountsPage name={args[0] ?? null} />;
    case "campaigns":
      return <CampaignsPage name={args[0] ?? null} />;
    case "invitations":
      return <InvitationsPage query={query} />;
    case "replies":
      return <RepliesPage query={query} />;
    case "today":
      return <TodayPage />;
    case "runner":
      return <RunnerPage account={args[0] ?? null} />;
    case "editor":
      return <EditorPage from={args[0] ?? null} edit={args[1] === "edit"} />;
    case "import":
      return <ImportPage />;
    case "do-not-contact":
      return <SuppressionsPage />;
    default:
      return <p>No page “{page}”. Choose one above.</p>;
  }
}

function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const route = useRoute();

  useEffect(() => {
    currentSession().then(setSession, setError);
    return onSignedOut(() => setSession(null));
  }, []);
  // On a narrow screen the pages' links fold behind a Menu button; going to a page folds them again.
  useEffect(() => setMenuOpen(false), [route.page, route.args.join("/")]);

  const signedIn = (s: Session) => {
    setSession(s);
    if (route.page === "sign-in") location.replace("#/accounts");
  };

  if (error) return <ErrorBox error={error} />;
  if (session === undefined) return <Loading />;
  if (session === null) return <SignInPage onSignedIn={signedIn} linkToken={route.page === "sign-in" ? route.query.get("token") : null} />;
  if (route.page === "sign-in") {
    // Signed in already: drop a sign-in link's token from the address bar and the history.
    location.replace("#/accounts");
    return <Loading />;
  }

  return (
    <div class="shell">
      <nav class="nav" aria-label="pages" data-open={menuOpen ? "true" : "false"}>
        <span class="brand">linkpace</span>
        <button
          type="button"
          class="menu-button"
          aria-expanded={menuOpen ? "true" : "false"}
          aria-controls="nav-links"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <div class="nav-links" id="nav-links">
          {PAGES.map((p) => (
            <a
              key={p.page}
              href={href(p.page)}
              aria-current={route.page === p.page ? "page" : undefined}
              onClick={() => setMenuOpen(false)}
            >
              {p.title}
            </a>
          ))}
        </div>
        <span class="nav-end">
          <span class="muted" title="workspace">
            {session.workspace.name}
          </span>
          {session.via === "session" ? (
            <button type="button" class="link" onClick={() => signOut().finally(() => setSession(null))}>
              Sign out
            </button>
          ) : null}
        </span>
      </nav>
      <main class="main">
        <Page route={route} />
      </main>
    </div>
  );
}

render(<App />, document.getElementById("app")!);
