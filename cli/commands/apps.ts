import { deleteApp } from "@/lib/apps/delete-app";
import { AppError } from "@/lib/base/errors.shared";
import { parseGrantTypes } from "@/lib/base/grant-types.shared";
import { tokenFormatSchema } from "@/lib/base/token-format.shared";
import { store } from "@/lib/data/store";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import type { Run } from "../run";

// Deleting an application commits in the driver store; the other commands' verbs use Prisma and load
// when their command runs, so that a deletion never starts it (cli/compiled-cli.test.ts).

const collect = (value: string, previous: string[] = []) => [...previous, value];
const grantTypesOption = (list: string) => {
  try {
    return parseGrantTypes(list);
  } catch (err) {
    throw new AppError("bad_request", (err as Error).message);
  }
};
/** An application found by its client id, for the operator's verbs that take an application id. */
async function appIdOf(clientId: string) {
  const app = await store().findApp({ clientId });
  if (!app) throw new AppError("not_found", `No application with client ${clientId}.`);

  return app.id;
}
/** The operator's change: any application, found by its client id. */
async function setTokenFormatByClient(clientId: string, format: string) {
  const parsed = tokenFormatSchema.safeParse(format);
  if (!parsed.success) throw new AppError("bad_request", "--token-format: use opaque or jwt.");
  const appId = await appIdOf(clientId);
  const { setTokenFormat } = await import("@/lib/apps/set-token-format");

  return setTokenFormat({ appId, tokenFormat: parsed.data, actor: cliOperator() });
}
const grantedScopes = (clientId: string, scopes: { name: string; grantedAt: string | null }[]) => ({
  client_id: clientId,
  privileged_scopes: scopes.map((s) => ({ name: s.name, granted: s.grantedAt !== null })),
});
const scopeList = (list: string) => (list.trim() === "" || list === "any" ? null : [...new Set(list.split(/[\s,]+/).filter(Boolean))]);

export function appsCommands(program: Command, run: Run) {
  const apps = program.command("apps").description("manage applications");
  apps
    .command("create")
    .description("register an application for a user; prints its client secret once (a public client has none)")
    .requiredOption("--owner <email>", "the owner's email")
    .requiredOption("--name <name>")
    .option("--description <text>", "", "")
    .option("--redirect-uri <uri>", "a registered redirect URI (repeat for more)", collect)
    .option("--public", "a public client: no secret, authorization code + PKCE only")
    .option("--grant-types <list>", "client_credentials,authorization_code,refresh_token,password")
    .action(
      run(
        async (o: { owner: string; name: string; description: string; redirectUri?: string[]; public?: boolean; grantTypes?: string }) => {
          const owner = await store().findUser({ email: o.owner.toLowerCase() });
          if (!owner) throw new AppError("not_found", `No account with email ${o.owner}.`);
          const { createApp } = await import("@/lib/apps/create-app");
          const created = await createApp({
            actor: cliOperator(),
            ownerId: owner.id,
            name: o.name,
            description: o.description,
            redirectUris: o.redirectUri ?? [],
            publicClient: Boolean(o.public),
            grantTypes: o.grantTypes === undefined ? undefined : grantTypesOption(o.grantTypes),
          });

          return {
            app_id: created.app.id,
            client_id: created.clientId,
            client_secret: created.clientSecret,
            public: created.app.publicClient,
            grant_types: created.app.grantTypes,
            redirect_uris: created.app.redirectUris,
          };
        },
      ),
    );
  apps
    .command("update")
    .description("change what an application may do: grant types (password only here), allowed scopes, redirect URIs, token format")
    .requiredOption("--client-id <id>")
    .option("--redirect-uri <uri>", "replaces the registered redirect URIs (repeat for more)", collect)
    .option("--grant-types <list>", "client_credentials,authorization_code,refresh_token,password")
    .option("--scopes <list>", 'catalog scopes it may ask for ("any" lifts the limit)')
    .option("--token-format <format>", "opaque or jwt (RFC 9068) access tokens, from the next issuance on")
    .action(
      run(async (o: { clientId: string; redirectUri?: string[]; grantTypes?: string; scopes?: string; tokenFormat?: string }) => {
        const onlyFormat =
          o.redirectUri === undefined && o.grantTypes === undefined && o.scopes === undefined && o.tokenFormat !== undefined;
        const { setAppAccess } = await import("@/lib/apps/set-app-access");
        const access = onlyFormat
          ? null
          : await setAppAccess({
              clientId: o.clientId,
              redirectUris: o.redirectUri,
              grantTypes: o.grantTypes === undefined ? undefined : grantTypesOption(o.grantTypes),
              allowedScopes: o.scopes === undefined ? undefined : scopeList(o.scopes),
              actor: cliOperator(),
            });
        const app = o.tokenFormat === undefined ? null : await setTokenFormatByClient(o.clientId, o.tokenFormat);

        return {
          client_id: o.clientId,
          ...(access ? { grant_types: access.grantTypes, allowed_scopes: access.allowedScopes, redirect_uris: access.redirectUris } : {}),
          ...(app ? { token_format: app.tokenFormat } : {}),
        };
      }),
    );
  for (const [name, description] of [
    ["grant-scope", "let an application request a privileged catalog scope"],
    ["withdraw-scope", "take a privileged scope back: new requests for it are invalid_scope, refreshes drop it"],
  ] as const)
    apps
      .command(name)
      .description(description)
      .requiredOption("--client-id <id>")
      .requiredOption("--scope <name>")
      .action(
        run(async (o: { clientId: string; scope: string }) => {
          const appId = await appIdOf(o.clientId);
          const verb =
            name === "grant-scope"
              ? (await import("@/lib/apps/grant-app-scope")).grantAppScope
              : (await import("@/lib/apps/withdraw-app-scope")).withdrawAppScope;

          return grantedScopes(o.clientId, await verb({ appId, scope: o.scope, actor: cliOperator() }));
        }),
      );
  apps
    .command("delete")
    .description("delete an application: its client disabled, every token revoked, and every gateway told before this exits")
    .requiredOption("--client-id <id>")
    .action(
      run(async (o: { clientId: string }) => {
        const app = await store().findApp({ clientId: o.clientId });
        if (!app) throw new AppError("not_found", `No application with client ${o.clientId}.`);
        // The name is typed back for the operator: the client id already says which application.
        const { revokedTokens, notices } = await deleteApp({ appId: app.id, confirmName: app.name, actor: cliOperator() });

        return { client_id: o.clientId, deleted: true, revoked_tokens: revokedTokens, notices: await flushAndReport(notices) };
      }),
    );
}
