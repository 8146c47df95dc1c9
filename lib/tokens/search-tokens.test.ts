import { db } from "@/lib/data/db/client";
import { createTestApp, makeUser, TEST_ADMIN } from "@/lib/testing/factories";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
import { describe, expect, it } from "vitest";
import { issueToken } from "./issue-token";
import { previewBulkRevoke, revokeSearchedTokens } from "./revoke-searched-tokens";
import { searchTokens } from "./search-tokens";
import { parseTokenHint } from "./token-search-query";

const edge = gatewayForTheseTests();

async function appWithTokens(n: number) {
  const app = await createTestApp();
  const issued = [];
  for (let i = 0; i < n; i++) issued.push(await issueToken({ clientId: app.clientId, subscriber: app.user.id }));

  return { ...app, issued };
}

describe("parseTokenHint", () => {
  it.each([
    ["9f3a", { last: "9f3a" }],
    ["pcl_at_", { prefix: "pcl_at_" }],
    ["pcl_at_…9f3a", { prefix: "pcl_at_", last: "9f3a" }],
    ["pcl_at_...9f3a", { prefix: "pcl_at_", last: "9f3a" }],
    ["whole-token-pasted-abcd", { last: "abcd" }],
  ])("%s", (q, hint) => expect(parseTokenHint(q)).toEqual(hint));
});

describe("searchTokens", () => {
  it("finds tokens across applications by client id, owner, last 4 and state, with their application and owner", async () => {
    const [a, b] = [await appWithTokens(2), await appWithTokens(1)];
    const last4 = a.issued[0].accessToken.slice(-4);

    const byClient = await searchTokens({ actor: TEST_ADMIN, clientId: a.clientId });
    expect(byClient.total).toBe(2);
    expect(byClient.tokens[0]).toMatchObject({ appId: a.app!.id, appName: a.app!.name, ownerEmail: a.user.email, status: "active" });
    expect((await searchTokens({ actor: TEST_ADMIN, owner: b.user.email.slice(0, 12) })).tokens.map((t) => t.clientId)).toEqual([
      b.clientId,
    ]);
    expect((await searchTokens({ actor: TEST_ADMIN, clientId: a.clientId, q: `pcl_at_…${last4}` })).tokens.map((t) => t.id)).toContain(
      a.issued[0].tokenId,
    );
    expect((await searchTokens({ actor: TEST_ADMIN, clientId: a.clientId, state: "revoked" })).total).toBe(0);
  });

  it("pages with a cursor, never repeating a row", async () => {
    const a = await appWithTokens(3);
    const first = await searchTokens({ actor: TEST_ADMIN, clientId: a.clientId, limit: 2 });
    const second = await searchTokens({ actor: TEST_ADMIN, clientId: a.clientId, limit: 2, cursor: first.nextCursor! });

    expect(first.tokens).toHaveLength(2);
    expect(second.tokens).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.tokens, ...second.tokens].map((t) => t.id)).size).toBe(3);
  });
});

describe("bulk revoke across applications", () => {
  it("previews the blast radius (tokens, applications, gateways) and changes nothing", async () => {
    const [a, b] = [await appWithTokens(2), await appWithTokens(1)];
    const ids = [...a.issued, ...b.issued].map((t) => t.tokenId);

    const preview = await previewBulkRevoke({ tokenIds: ids, actor: TEST_ADMIN });

    expect(preview.tokens).toBe(3);
    expect(preview.applications).toEqual([
      { id: a.app!.id, name: a.app!.name, ownerEmail: a.user.email, tokens: 2 },
      { id: b.app!.id, name: b.app!.name, ownerEmail: b.user.email, tokens: 1 },
    ]);
    expect(preview.gateways).toContainEqual({ name: edge.gateway.gateway.name, environment: "production", enabled: true });
    expect(await db.token.count({ where: { id: { in: ids }, revokedAt: { not: null } } })).toBe(0);
  });

  it("revokes exactly what the preview counted, in one transaction with its notices", async () => {
    const admin = await makeUser("admin");
    const [a, b] = [await appWithTokens(1), await appWithTokens(1)];
    const ids = [a.issued[0].tokenId, b.issued[0].tokenId];
    const { tokens } = await previewBulkRevoke({ tokenIds: ids, actor: TEST_ADMIN });

    const { revoked, notices } = await revokeSearchedTokens({ tokenIds: ids, actor: admin });

    expect(revoked).toBe(tokens);
    expect(notices.sequences.length).toBeGreaterThan(0);
    const rows = await db.token.findMany({ where: { id: { in: ids } } });
    expect(rows.map((t) => [t.revokedReason, t.revokedBy])).toEqual([
      ["admin_bulk", admin.email],
      ["admin_bulk", admin.email],
    ]);
  });

  it("refuses an unknown id before revoking anything", async () => {
    const a = await appWithTokens(1);
    const admin = await makeUser("admin");

    await expect(revokeSearchedTokens({ tokenIds: [a.issued[0].tokenId, "no-such-token"], actor: admin })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.token.findUniqueOrThrow({ where: { id: a.issued[0].tokenId } })).toMatchObject({ revokedAt: null });
  });
});
