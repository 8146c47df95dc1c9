import { db } from "@/lib/data/db/client";
import { createTestApp } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import { cli, cliJson as json, OPERATOR } from "./testing/run-cli";

describe("portcullis users", () => {
  it("lists, suspends (revoking the user's tokens), unsuspends and changes roles", { timeout: 90_000 }, async () => {
    const { user, clientId } = await createTestApp();
    const issued = await issueToken({ clientId, subscriber: user.id });

    expect(await json("users", "list", "--q", user.email)).toEqual({
      users: [{ id: user.id, email: user.email, role: "subscriber", suspended_at: null, apps: 1, created_at: expect.any(String) }],
      total: 1,
      next_cursor: null,
    });
    expect(await json("users", "suspend", "--email", user.email)).toMatchObject({ email: user.email, suspended: true, revoked_tokens: 1 });
    expect(await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } })).toMatchObject({
      revokedReason: "user_suspended",
      revokedBy: OPERATOR,
    });
    const refused = await cli("tokens", "issue", "--client-id", clientId, "--json");
    expect(refused.code).toBe(1); // a suspended owner's client gets no tokens
    expect(await json("users", "unsuspend", "--email", user.email)).toEqual({ email: user.email, suspended: false });
    const bad = await cli("users", "set-role", "--email", user.email, "--role", "root", "--json");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("role: One of subscriber, admin.");
  });
});
