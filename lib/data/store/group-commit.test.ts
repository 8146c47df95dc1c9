import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { toAuditRow } from "@/lib/engine/audit/audit-row";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { buildTokens } from "@/lib/engine/tokens/build-token";
import { createTestApp, createTestGateway, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";

describe("group commit of token inserts", () => {
  it("stores every token of a concurrent burst, and fails only the request whose row cannot be written", async () => {
    const app = await createTestApp();
    const built = await Promise.all(Array.from({ length: 200 }, () => buildTokens({ client: { id: app.clientId, ownerId: null } })));
    const rows = built.map((b) => b.access.row);
    const duplicate = { ...rows[0], hash: `${rows[0].hash.slice(0, -1)}x` }; // same id: the primary key refuses it

    const results = await Promise.allSettled([...rows, duplicate].map((row) => store().insertToken(row)));

    expect(results.slice(0, 200).every((r) => r.status === "fulfilled")).toBe(true);
    expect(results[200].status).toBe("rejected");
    expect(await db.token.count({ where: { clientId: app.clientId } })).toBe(200);
  });

  it("commits a token with the audit rows that name it: a refused audit row leaves no token, and fails only its own request", async () => {
    const app = await createTestApp();
    const taken = await db.auditEvent.create({ data: { appId: app.app!.id, actor: "test", action: "token.generated" } });
    const built = await Promise.all(Array.from({ length: 20 }, () => buildTokens({ client: { id: app.clientId, ownerId: null } })));
    const items = built.map(({ access }) => ({
      token: access.row,
      audit: toAuditRow({ appId: app.app!.id, actor: TEST_OPERATOR, action: "token.generated", detail: { tokenId: access.row.id } }),
    }));
    items[19].audit.id = taken.id; // the primary key refuses this one audit row

    const results = await Promise.allSettled(items.map(({ token, audit }) => store().insertToken(token, [audit])));

    expect(results.map((r) => r.status)).toEqual([...Array(19).fill("fulfilled"), "rejected"]);
    expect(await db.token.findUnique({ where: { id: items[19].token.id } })).toBeNull();
    expect(await db.token.count({ where: { clientId: app.clientId } })).toBe(19);
    expect(await db.auditEvent.count({ where: { appId: app.app!.id } })).toBe(20); // 19 and the one already there
  });

  it("answers only after the row is readable: a token is introspectable as soon as its issuance resolves", async () => {
    const app = await createTestApp();
    const { row } = (await buildTokens({ client: { id: app.clientId, ownerId: null } })).access;
    await store().insertToken(row);

    expect(await store().findTokenByHash(row.hash)).toMatchObject({ id: row.id, revokedAt: null });
  });
});

describe("group commit of token changes", () => {
  it("answers each of a burst of concurrent revocations with its own token and the event that carries it, shared by its batch", async () => {
    const app = await createTestApp();
    const gw = await createTestGateway("http://127.0.0.1:9/portcullis/revoke"); // never answers: the deliveries stay queued
    try {
      const tokens = await Promise.all(Array.from({ length: 60 }, () => issueToken({ clientId: app.clientId, subscriber: null })));
      const revoke = (tokenId: string) =>
        commitTokenChange({ cause: "cli", tokens: { revoke: { tokenId } }, by: "test", actor: TEST_OPERATOR });
      // Twice each token, at once: one revocation changes it, the other finds it revoked already.
      const results = await Promise.all(tokens.flatMap((t) => [revoke(t.tokenId), revoke(t.tokenId)]));

      const events = new Set<number>();
      for (const [i, t] of tokens.entries()) {
        const [first, second] = [results[2 * i], results[2 * i + 1]];
        const [winner, loser] = first.changed.length === 1 ? [first, second] : [second, first];
        expect([first.changed.length, second.changed.length].sort()).toEqual([0, 1]);
        expect(winner.changed[0].id).toBe(t.tokenId);
        expect(winner.notices.revoked.map((r) => r.id)).toEqual([t.tokenId]);
        expect(winner.notices.sequences).toHaveLength(1);
        expect(loser.notices.sequences).toEqual([]);
        const event = await db.revocationEvent.findUniqueOrThrow({ where: { sequence: winner.notices.sequences[0] } });
        expect(JSON.parse(event.tokens).map((w: { token_hash: string }) => w.token_hash)).toContain(hashToken(t.accessToken));
        expect((await db.token.findUniqueOrThrow({ where: { id: t.tokenId } })).revocationSeq).toBe(event.sequence);
        events.add(event.sequence);
      }
      // A batch's revocations are one notice to the gateway, not one each.
      expect(events.size).toBeLessThan(60);
      expect(await db.delivery.count({ where: { gatewayId: gw.gateway.id } })).toBe(events.size);
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });

  it("revokes a burst of grants beside a whole client's tokens, each change with its own tokens and its own audit row", async () => {
    const [a, b] = [await createTestApp(), await createTestApp()];
    const issued = await Promise.all(Array.from({ length: 12 }, () => issueToken({ clientId: a.clientId, subscriber: null })));
    await Promise.all(Array.from({ length: 3 }, () => issueToken({ clientId: b.clientId, subscriber: null })));
    const grants = await db.token.findMany({ where: { id: { in: issued.map((t) => t.tokenId) } }, select: { id: true, grantId: true } });
    const revoke = (revoke: { grantId: string } | { clientId: string }, appId: string) =>
      commitTokenChange({ cause: "cli", tokens: { revoke }, by: "test", actor: TEST_OPERATOR, appId });
    // One turn of the event loop: the grants (one statement on PostgreSQL) and the client's tokens share a batch.
    const [client, ...byGrant] = await Promise.all([
      revoke({ clientId: b.clientId }, b.app!.id),
      ...grants.map((g) => revoke({ grantId: g.grantId }, a.app!.id)),
    ]);

    expect(client.changed).toHaveLength(3);
    expect(byGrant.map((r) => r.changed.map((t) => t.id))).toEqual(grants.map((g) => [g.id]));
    const audited = async (appId: string) =>
      (await db.auditEvent.findMany({ where: { appId, action: "token.revoked" } })).map((e) => JSON.parse(e.detail).tokenIds);
    expect((await audited(a.app!.id)).sort()).toEqual(grants.map((g) => [g.id]).sort());
    expect(await audited(b.app!.id)).toEqual([client.changed.map((t) => t.id)]);
  });
});
