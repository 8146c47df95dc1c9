import { db } from "@/lib/data/db/client";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { commitInDyingProcess, createTestApp, formRequest, oauth, TEST_OPERATOR } from "@/lib/testing/factories";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import type { TokenChangeCause } from "./causes.shared";
import { commitTokenChange } from "./commit-token-change";

const edge = gatewayForTheseTests();

async function appWithToken() {
  const app = await createTestApp();
  const issued = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
  const actor = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });

  return { ...app, issued, actor };
}

/** The notices a dead process left, queued for our gateway: nobody leased them, so any worker (another test file's) may have sent them since. */
async function queuedFor(sequences: number[]) {
  return db.delivery.findMany({ where: { gatewayId: edge.gateway.gateway.id, eventSequence: { in: sequences } } });
}

// lifetime_shortened is store-wide: its dying-process case lives in shorten-tokens.test.ts, alone with the refresh tokens it touches.
const CAUSES: [TokenChangeCause, (a: Awaited<ReturnType<typeof appWithToken>>) => Record<string, unknown>][] = [
  ["revocation_endpoint", (a) => ({ clientId: a.clientId, token: a.issued.accessToken })],
  ["browser", (a) => ({ appId: a.app!.id, tokenId: a.issued.tokenId, actor: a.actor })],
  ["regenerate", (a) => ({ appId: a.app!.id, actor: a.actor })],
  ["app_deleted", (a) => ({ appId: a.app!.id, name: a.app!.name, actor: a.actor })],
  ["secret_regenerated", (a) => ({ appId: a.app!.id, actor: a.actor })],
  ["cli", (a) => ({ token: a.issued.accessToken })],
  ["user_suspended", (a) => ({ email: a.user.email, actor: TEST_OPERATOR })],
  ["admin_bulk", (a) => ({ tokenIds: [a.issued.tokenId], actor: TEST_OPERATOR })],
];

describe("every cause of revocation commits in one transaction", () => {
  it.each(CAUSES)(
    "%s: a process killed right after the commit leaves the token revoked and the notice queued",
    { timeout: 30_000 },
    async (cause, args) => {
      const a = await appWithToken();
      const sequences = await commitInDyingProcess(cause, args(a));

      const token = await db.token.findUniqueOrThrow({ where: { id: a.issued.tokenId } });
      expect(token).toMatchObject({ revokedReason: cause, revocationSeq: expect.any(Number) });
      expect(sequences).toContain(token.revocationSeq);
      expect(await queuedFor(sequences)).toEqual([expect.objectContaining({ status: expect.stringMatching(/^(pending|delivered)$/) })]);
      // A cause spanning applications (a suspension, an admin's bulk revoke) writes its row without one app.
      const audit = await db.auditEvent.findMany({
        where: { OR: [{ appId: a.app!.id }, { appId: null }], action: "token.revoked", detail: { contains: a.issued.tokenId } },
      });
      expect(audit.map((e) => JSON.parse(e.detail))).toEqual([expect.objectContaining({ reason: cause, tokenIds: [a.issued.tokenId] })]);
    },
  );

  it(
    "commits the cause's own change with it: a deleted application's client is disabled and its secrets revoked",
    { timeout: 30_000 },
    async () => {
      const a = await appWithToken();
      await commitInDyingProcess("app_deleted", { appId: a.app!.id, name: a.app!.name, actor: a.actor });
      const client = await db.client.findUniqueOrThrow({ where: { id: a.clientId }, include: { app: true, secrets: true } });
      expect(client.disabledAt).not.toBeNull();
      expect(client.app?.deletedAt).not.toBeNull();
      expect(client.secrets.every((s) => s.revokedAt !== null)).toBe(true);
    },
  );

  it("commits nothing when any part of the transaction fails", async () => {
    const a = await appWithToken();
    const failing = commitTokenChange({
      cause: "app_deleted",
      effect: { appId: a.app!.id, clientId: a.clientId },
      tokens: { revoke: { clientId: a.clientId } },
      by: "test",
      actor: TEST_OPERATOR,
      appId: a.app!.id,
      detail: () => {
        throw new Error("the audit write failed");
      },
    });
    await expect(failing).rejects.toThrow("the audit write failed");

    expect(await db.token.findUniqueOrThrow({ where: { id: a.issued.tokenId } })).toMatchObject({ revokedAt: null, revocationSeq: null });
    expect(await db.app.findUniqueOrThrow({ where: { id: a.app!.id } })).toMatchObject({ deletedAt: null });
    expect(await db.client.findUniqueOrThrow({ where: { id: a.clientId } })).toMatchObject({ disabledAt: null });
  });
});

describe("defence in depth", () => {
  const introspectAsGateway = async (token: string) =>
    (
      await oauth.introspect(formRequest("/oauth2/introspect", { token }, { basic: [edge.gateway.clientId, edge.gateway.clientSecret] }))
    ).json();
  const tokenRequest = (a: Awaited<ReturnType<typeof appWithToken>>) =>
    oauth.token(formRequest("/oauth2/token", { grant_type: "client_credentials" }, { basic: [a.clientId, a.clientSecret] }));

  it("refuses a disabled client's token and credentials even while the token row is still active", async () => {
    const a = await appWithToken();
    expect(await introspectAsGateway(a.issued.accessToken)).toMatchObject({ active: true });
    await db.client.update({ where: { id: a.clientId }, data: { disabledAt: new Date() } }); // the token row is left as it was

    expect(await introspectAsGateway(a.issued.accessToken)).toEqual({ active: false });
    expect((await tokenRequest(a)).status).toBe(401);
  });

  it("refuses a deleted application's token and credentials even while its client and token rows are untouched", async () => {
    const a = await appWithToken();
    await db.app.update({ where: { id: a.app!.id }, data: { deletedAt: new Date() } });

    expect(await introspectAsGateway(a.issued.accessToken)).toEqual({ active: false });
    const refused = await tokenRequest(a);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });
  });
});
