import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { verifyPassword } from "@/lib/engine/identity/password";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cli, cliJson as json, OPERATOR } from "./testing/run-cli";

describe("portcullis CLI", () => {
  it("creates a user and an app, issues, lists and revokes a token", { timeout: 60_000 }, async () => {
    const email = `${randomUUID()}@cli.test`;
    expect(await json("users", "create", "--email", email, "--password", "correct horse battery")).toEqual({
      id: expect.any(String),
      email,
      role: "subscriber",
    });
    const app = await json("apps", "create", "--owner", email, "--name", "CLI app");
    expect(app).toEqual({
      app_id: expect.any(String),
      client_id: expect.stringMatching(/^pcl_ci_/),
      client_secret: expect.stringMatching(/^pcl_cs_/),
      public: false,
      grant_types: ["client_credentials", "authorization_code", "refresh_token"],
      redirect_uris: [],
    });
    const issued = await json("tokens", "issue", "--client-id", app.client_id);
    expect(issued).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
    const row = await db.token.findUniqueOrThrow({ where: { hash: hashToken(issued.access_token) } });
    expect(row).toMatchObject({ source: "cli", note: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { appId: app.app_id, action: "token.generated" } });
    expect(audit).toMatchObject({ actor: "operator:vitest via cli" }); // PORTCULLIS_OPERATOR, as cli/testing/run-cli.ts sets it
    expect(JSON.parse(audit.detail)).toMatchObject({ tokenId: row.id, last4: issued.access_token.slice(-4) });
    expect(await json("tokens", "revoke", "--token", issued.access_token)).toMatchObject({ revoked: 1 });
    const { tokens } = await json("tokens", "list", "--client-id", app.client_id);
    expect(tokens).toEqual([
      expect.objectContaining({ status: "revoked", revoked_by: OPERATOR, token: expect.stringMatching(/^pcl_at_…/) }),
    ]);
    expect(JSON.stringify(tokens)).not.toContain(issued.access_token);
  });

  it("exits non-zero with a readable message on stderr for bad input", { timeout: 60_000 }, async () => {
    const missingOwner = await cli("apps", "create", "--owner", "nobody@cli.test", "--name", "x", "--json");
    expect(missingOwner.code).toBe(1);
    expect(missingOwner.stdout).toBe("");
    expect(missingOwner.stderr).toContain("No account with email nobody@cli.test");
    const badSetting = await cli("settings", "set", "access_token_ttl", "-5", "--json");
    expect(badSetting.code).toBe(1);
    expect(badSetting.stderr).toMatch(/access_token_ttl: .*more than 0/);
    const weakPassword = await cli("users", "create", "--email", `${randomUUID()}@cli.test`, "--password", "short");
    expect(weakPassword.code).toBe(1);
    expect(weakPassword.stderr).toContain("password");
  });

  it(
    "lists tokens a page at a time with --limit and --cursor, filters by --state, and refuses a bad cursor",
    { timeout: 90_000 },
    async () => {
      const email = `${randomUUID()}@cli.test`;
      await json("users", "create", "--email", email, "--password", "correct horse battery");
      const app = await json("apps", "create", "--owner", email, "--name", "Paged");
      const issued = [];
      for (let i = 0; i < 3; i++) issued.push(await json("tokens", "issue", "--client-id", app.client_id));
      await json("tokens", "revoke", "--token", issued[0].access_token);

      const first = await json("tokens", "list", "--client-id", app.client_id, "--limit", "2");
      expect(first).toMatchObject({ total: 3, next_cursor: expect.any(String) });
      expect(first.tokens).toHaveLength(2);
      const second = await json("tokens", "list", "--client-id", app.client_id, "--limit", "2", "--cursor", first.next_cursor);
      expect(second).toMatchObject({ total: 3, next_cursor: null });
      const ids = [...first.tokens, ...second.tokens].map((t: { id: string }) => t.id);
      expect(new Set(ids).size).toBe(3);
      expect(second.tokens[0]).toMatchObject({ status: "revoked", source: "cli", token: `pcl_at_…${issued[0].access_token.slice(-4)}` });

      const revoked = await json("tokens", "list", "--client-id", app.client_id, "--state", "revoked");
      expect(revoked).toMatchObject({ total: 1, next_cursor: null });
      const bad = await cli("tokens", "list", "--client-id", app.client_id, "--cursor", "not-a-cursor", "--json");
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("cursor");
      const badState = await cli("tokens", "list", "--client-id", app.client_id, "--state", "sleeping", "--json");
      expect(badState.code).toBe(1);
      expect(badState.stderr).toMatch(/state: One of active, expired, revoked/);
    },
  );

  it("resets a lost password: generated and printed once, or the one given", { timeout: 60_000 }, async () => {
    const email = `${randomUUID()}@cli.test`;
    await json("users", "create", "--email", email, "--password", "correct horse battery");
    const reset = await json("users", "reset-password", "--email", email);
    expect(reset).toEqual({ email, password: expect.stringMatching(/^[\w-]{16}$/) });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, reset.password)).toBe(true);
    expect(await json("users", "reset-password", "--email", email, "--password", "a-chosen-password")).toEqual({
      email,
      password_changed: true,
    });
    const unknown = await cli("users", "reset-password", "--email", "nobody@cli.test", "--json");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No account with email nobody@cli.test");
  });
});
