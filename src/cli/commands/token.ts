/**
 * `linkpace token create|list|revoke` and `linkpace workspace create|list`: the API's credentials. A token is
 * printed once, at creation; only its SHA-256 hash is stored. `token create` makes a token for the workspace of
 * the global --workspace (or LINKPACE_WORKSPACE); `token list` and `token revoke` see every workspace's tokens
 * unless one is named. `workspace` commands do not take --workspace.
 */
import type { Command } from "commander";
import { createToken } from "../../api/auth.js";
import { LinkpaceError } from "../../core/errors.js";
import { MAX_NAME_LENGTH, quote, tooLongMessage } from "../../core/limits.js";
import { formatInstant } from "../../core/time.js";
import { emit, table, withApp, withoutWorkspace, workspaceName, type GlobalOptions } from "../shell.js";

export function registerTokenCommands(program: Command): void {
  const token = program.command("token").description("API tokens for linkpace serve: create, list, revoke");
  token
    .command("create")
    .description("create an API token; it is printed once and stored only as a hash")
    .requiredOption("--name <name>", "what the token is for, e.g. laptop")
    .option("--json")
    .addHelpText(
      "after",
      "\nThe token may see the workspace of the global --workspace NAME (or LINKPACE_WORKSPACE), else the default workspace.",
    )
    .action(async (opts: { name: string }, cmd: Command) => {
      // --workspace is the program's global option (commander reads it anywhere on the line), so
      // `token create --name X --workspace W` works as it always did.
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.name.trim() === "") throw new LinkpaceError("invalid_input", "--name: must not be empty");
      if (opts.name.length > MAX_NAME_LENGTH)
        throw new LinkpaceError("invalid_input", `--name: ${tooLongMessage("a name", opts.name, MAX_NAME_LENGTH)}`);
      await withApp(g, async (app, ws) => {
        const { token: secret, row } = await createToken(app.store, { workspaceId: ws.id, name: opts.name, now: app.now() });
        emit(g, { token: { id: row.id, name: row.name, workspace: ws.name, secret } }, (d) =>
          [
            `created token ${d.token.id} (${d.token.name}) for workspace ${d.token.workspace}:`,
            d.token.secret,
            "keep it now: it is not shown again. Use it as: Authorization: Bearer <token>",
          ].join("\n"),
        );
      });
    });
  token
    .command("list")
    .description("list tokens (never their secrets); every workspace's unless --workspace (or LINKPACE_WORKSPACE) names one")
    .option("--json")
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const only = workspaceName(g) !== undefined;
      await withApp(g, async (app, ws) => {
        const names = new Map((await app.store.listWorkspaces()).map((w) => [w.id, w.name]));
        const tokens = (await app.store.listApiTokens())
          .filter((t) => !only || t.workspaceId === ws.id)
          .map((t) => ({
            id: t.id,
            name: t.name,
            workspace: names.get(t.workspaceId) ?? String(t.workspaceId),
            createdAt: formatInstant(t.createdAt),
            revokedAt: t.revokedAt === null ? null : formatInstant(t.revokedAt),
          }));
        emit(g, { tokens }, (d) =>
          d.tokens.length === 0
            ? "no tokens yet: linkpace token create --name NAME"
            : table(
                ["ID", "NAME", "WORKSPACE", "CREATED", "REVOKED"],
                d.tokens.map((t) => [String(t.id), t.name, t.workspace, t.createdAt, t.revokedAt ?? "-"]),
              ),
        );
      });
    });
  token
    .command("revoke <id>")
    .description(
      "revoke a token: requests with it are refused from now on; with --workspace (or LINKPACE_WORKSPACE), only a token of that workspace",
    )
    .option("--json")
    .action(async (idText: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const id = Number(idText);
      if (!Number.isSafeInteger(id) || id < 1)
        throw new LinkpaceError("invalid_input", `token revoke: expected a token id such as 1 (see linkpace token list), got "${idText}"`);
      const only = workspaceName(g) !== undefined;
      await withApp(g, async (app, ws) => {
        const other = only && (await app.store.listApiTokens()).some((t) => t.id === id && t.workspaceId !== ws.id);
        if (other || !(await app.store.revokeApiToken(id, app.now())))
          throw new LinkpaceError("not_found", `no live token ${id}${only ? ` in workspace ${ws.name}` : ""} (see linkpace token list)`);
        emit(g, { revoked: { id } }, () => `revoked token ${id}`);
      });
    });

  const workspace = program
    .command("workspace")
    .description(
      "workspaces: each sees only its own accounts, campaigns and prospects (API tokens belong to one); other commands work in one with --workspace NAME",
    );
  const whole = "it works on the workspaces themselves";
  withoutWorkspace(workspace.command("create <name>"), whole)
    .description("create a workspace (the default one always exists)")
    .option("--json")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
        throw new LinkpaceError(
          "invalid_input",
          `workspace name ${quote(name)}: use letters, digits, . _ - (at most 64, starting with a letter or digit)`,
        );
      await withApp(
        g,
        async (app) => {
          if (await app.store.getWorkspace(name)) throw new LinkpaceError("conflict", `workspace ${name} already exists`);
          const w = await app.store.insertWorkspace(name);
          emit(
            g,
            { workspace: w },
            () =>
              `created workspace ${w.name} (id ${w.id}); work in it with --workspace ${w.name}; give it a token: linkpace token create --name NAME --workspace ${w.name}`,
          );
        },
        { workspace: "none" },
      );
    });
  withoutWorkspace(workspace.command("list"), whole)
    .description("list workspaces")
    .option("--json")
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(
        g,
        async (app) => {
          const workspaces = await app.store.listWorkspaces();
          emit(g, { workspaces }, (d) =>
            table(
              ["ID", "NAME"],
              d.workspaces.map((w) => [String(w.id), w.name]),
            ),
          );
        },
        { workspace: "none" },
      );
    });
}
