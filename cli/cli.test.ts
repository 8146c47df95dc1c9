import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cli, cliJson as json } from "./testing/run-cli";

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
    });
    const issued = await json("tokens", "issue", "--client-id", app.client_id);
    expect(issued).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
    expect(await json("tokens", "revoke", "--token", issued.access_token)).toMatchObject({ revoked: 1 });
    const { tokens } = await json("tokens", "list", "--client-id", app.client_id);
    expect(tokens).toEqual([expect.objectContaining({ status: "revoked", revoked_by: "cli", token: expect.stringMatching(/^pcl_at_…/) })]);
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
});
