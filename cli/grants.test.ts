import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { approveForTest, makeUser, pkcePair, tokenRequest } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cli, cliJson as json } from "./testing/run-cli";

// Each CLI call starts a process (~1 s here): one story per test.
describe("portcullis apps/scopes/tokens for grants", () => {
  it(
    "creates a public app, limits its scopes, enables grants, and revokes and re-approves with and without cascade",
    { timeout: 90_000 },
    async () => {
      const owner = await makeUser();
      const redirectUri = "https://cli-client.example/cb";
      const created = await json(
        "apps",
        "create",
        "--owner",
        owner.email,
        "--name",
        "Public CLI app",
        "--public",
        "--redirect-uri",
        redirectUri,
      );
      expect(created).toMatchObject({
        client_secret: null,
        public: true,
        grant_types: ["authorization_code", "refresh_token"],
        redirect_uris: [redirectUri],
      });
      const refused = await cli(
        "apps",
        "update",
        "--client-id",
        created.client_id,
        "--grant-types",
        "authorization_code,password",
        "--json",
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("public client cannot use password");

      const scope = `cli.${randomUUID().slice(0, 6)}`;
      expect(await json("scopes", "create", "--name", scope, "--description", "Read things")).toEqual({
        name: scope,
        description: "Read things",
        privileged: false,
      });
      expect(await json("apps", "update", "--client-id", created.client_id, "--scopes", scope)).toMatchObject({ allowed_scopes: [scope] });

      const person = await makeUser();
      const app = { clientId: created.client_id as string, clientSecret: null, redirectUri };
      const { verifier, challenge } = pkcePair();
      const code = await approveForTest({ app, person, scope: [scope], challenge });
      const { body } = await tokenRequest(app, {
        grant_type: "authorization_code",
        code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
      });
      const [access, refresh] = [String(body.access_token), String(body.refresh_token)];
      const state = async (t: string) => (await db.token.findUniqueOrThrow({ where: { hash: hashToken(t) } })).revokedAt === null;

      expect(await json("tokens", "revoke", "--token", refresh, "--no-cascade")).toMatchObject({ revoked: 1 });
      expect([await state(access), await state(refresh)]).toEqual([true, false]);
      expect(await json("tokens", "reapprove", "--token", refresh, "--no-cascade", "--reason", "mistake")).toMatchObject({ reapproved: 1 });
      expect(await json("tokens", "revoke", "--token", access)).toMatchObject({ revoked: 2 });
      expect(await json("tokens", "reapprove", "--token", access)).toMatchObject({ reapproved: 2 });
      expect([await state(access), await state(refresh)]).toEqual([true, true]);
    },
  );

  it("makes a privileged scope, grants it to an application and withdraws it", { timeout: 60_000 }, async () => {
    const scope = `cli.admin.${randomUUID().slice(0, 6)}`;
    expect(await json("scopes", "create", "--name", scope, "--description", "Everything", "--privileged")).toEqual({
      name: scope,
      description: "Everything",
      privileged: true,
    });
    const created = await json("apps", "create", "--owner", (await makeUser()).email, "--name", "cli privileged");
    const app = { clientId: String(created.client_id), clientSecret: String(created.client_secret) };
    const ask = () => tokenRequest(app, { grant_type: "client_credentials", scope });
    expect((await ask()).body.error).toBe("invalid_scope");

    const granted = await json("apps", "grant-scope", "--client-id", app.clientId, "--scope", scope);
    expect(granted.privileged_scopes).toContainEqual({ name: scope, granted: true });
    expect(await ask()).toMatchObject({ status: 200, body: { scope } });

    const withdrawn = await json("apps", "withdraw-scope", "--client-id", app.clientId, "--scope", scope);
    expect(withdrawn.privileged_scopes).toContainEqual({ name: scope, granted: false });
    expect((await ask()).body.error).toBe("invalid_scope");

    expect(await json("scopes", "set", "--name", scope, "--open")).toEqual({ name: scope, privileged: false });
    expect(await ask()).toMatchObject({ status: 200, body: { scope } }); // open: any application may ask
    const { scopes } = await json("scopes", "list");
    expect(scopes).toContainEqual({ name: scope, description: "Everything", privileged: false, grantedTo: null });
  });
});
