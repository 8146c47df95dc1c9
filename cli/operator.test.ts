import { db } from "@/lib/data/db/client";
import { makeUser } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { cli, cliJson as json, OPERATOR } from "./testing/run-cli";

// Before run-cli reads it: this file's commands act as alice.
vi.hoisted(() => {
  process.env.PORTCULLIS_OPERATOR = "Alice";
});

const trail = (where: { appId?: string; action?: string; detail?: { contains: string } }) =>
  db.auditEvent.findMany({ where, select: { action: true, actor: true, actorId: true }, orderBy: { createdAt: "asc" } });

describe("the CLI acts as one named operator", () => {
  it("is named by PORTCULLIS_OPERATOR, lower-cased, via cli", () => {
    expect(OPERATOR).toBe("operator:alice via cli");
  });

  it("audits `apps create --owner X` as the operator's act: X owns the application, no user acted", { timeout: 60_000 }, async () => {
    const owner = await makeUser();
    const app = await json("apps", "create", "--owner", owner.email, "--name", "Made for X");

    expect(await db.app.findUniqueOrThrow({ where: { id: app.app_id }, select: { ownerId: true } })).toEqual({ ownerId: owner.id });
    expect(await trail({ appId: app.app_id })).toEqual([
      { action: "app.created", actor: OPERATOR, actorId: null },
      { action: "secret.generated", actor: OPERATOR, actorId: null },
    ]);
  });

  it("names the operator for what it issues, revokes and suspends, in the trail and the tokens list", { timeout: 60_000 }, async () => {
    const owner = await makeUser();
    const app = await json("apps", "create", "--owner", owner.email, "--name", "Operated");
    const issued = await json("tokens", "issue", "--client-id", app.client_id);
    await json("tokens", "revoke", "--token", issued.access_token);
    const { tokens } = await json("tokens", "list", "--client-id", app.client_id);
    await json("users", "suspend", "--email", owner.email);
    const scope = `ops.${randomUUID().slice(0, 8)}`;
    await json("scopes", "create", "--name", scope, "--description", "made by the operator");

    expect(tokens).toEqual([expect.objectContaining({ source: "cli", revoked_by: OPERATOR })]);
    const acts = await trail({ appId: app.app_id });
    expect(acts.map((e) => e.action)).toEqual(["app.created", "secret.generated", "token.generated", "token.revoked"]);
    expect(acts.every((e) => e.actor === OPERATOR && e.actorId === null)).toBe(true);
    expect(await trail({ action: "user.suspended", detail: { contains: owner.id } })).toEqual([
      { action: "user.suspended", actor: OPERATOR, actorId: null },
    ]);
    expect(await trail({ action: "scope.created", detail: { contains: scope } })).toEqual([
      { action: "scope.created", actor: OPERATOR, actorId: null },
    ]);
  });

  it("refuses to act under a name that is not one", { timeout: 60_000 }, async () => {
    const before = process.env.PORTCULLIS_OPERATOR;
    process.env.PORTCULLIS_OPERATOR = "alice; drop"; // the spawned bin reads it afresh
    try {
      const res = await cli("scopes", "create", "--name", `bad.${randomUUID().slice(0, 8)}`, "--description", "never made");
      expect(res.code).toBe(1);
      expect(res.stderr).toContain("PORTCULLIS_OPERATOR");
    } finally {
      process.env.PORTCULLIS_OPERATOR = before;
    }
  });
});
