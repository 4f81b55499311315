/**
 * Sign-in with an API token; the token is sent once and the server keeps an HttpOnly session cookie. A sign-in
 * link (`#/sign-in?token=lp_…`, printed by `linkpace serve` on a first start) signs in without typing; the app
 * then replaces the address, so the token stays in neither the address bar nor the history.
 */
import { useEffect, useState } from "preact/hooks";
import { signIn, type Session } from "../api";
import { ErrorBox } from "../components/ui";

export function SignInPage(props: { onSignedIn: (s: Session) => void; linkToken: string | null }) {
  const [token, setToken] = useState(props.linkToken ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attempt = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await signIn(value));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void attempt(token);
  };
  // Once, when the page opens with a sign-in link.
  useEffect(() => {
    if (props.linkToken) void attempt(props.linkToken);
  }, []);
  return (
    <main class="sign-in">
      <h1>linkpace</h1>
      <form onSubmit={submit}>
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          required
          placeholder="lp_…"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || token.trim() === ""}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p class="muted">
          Create a token on the server with <code>linkpace token create --name laptop</code>. It is shown once; the dashboard keeps a
          session cookie, not the token.
        </p>
        <ErrorBox error={error} />
      </form>
    </main>
  );
}
