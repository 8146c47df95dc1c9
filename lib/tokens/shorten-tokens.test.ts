import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { actorName, operatorActor } from "@/lib/engine/identity/actor.shared";
import { commitInDyingProcess, createTestApp, createTestGateway, TEST_OPERATOR } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { previewShortening, shortenTokens } from "./shorten-tokens";

const HOUR = 3_600_000;

// Refresh tokens: nothing else in the test suite issues them, so a store-wide shortening here
// cannot disturb other tests' access tokens.
async function refreshToken(clientId: string, createdAt: number, lifetimeMs: number) {
  const id = randomUUID();
  await store().insertToken({
    id,
    hash: hashToken(id),
    prefix: "pcl_rt_",
    last4: id.slice(-4),
    type: "refresh_token",
    clientId,
    subscriber: null,
    grantId: id,
    scope: "",
    createdAt,
    expiresAt: createdAt + lifetimeMs,
    revokedAt: null,
    source: "token_endpoint",
    note: null,
  });

  return id;
}

describe("shortening tokens under a lower maximum", () => {
  it("counts, by application, the active tokens that would outlive it, then caps their expiry", async () => {
    const now = Date.now();
    const a = await createTestApp();
    const b = await createTestApp();
    const longA = [await refreshToken(a.clientId, now, 30 * 24 * HOUR), await refreshToken(a.clientId, now - 2 * HOUR, 30 * 24 * HOUR)];
    const longB = await refreshToken(b.clientId, now, 10 * 24 * HOUR);
    const shortB = await refreshToken(b.clientId, now, 12 * HOUR);

    const preview = await previewShortening({ type: "refresh_token", maxTtl: 24 * 3600, actor: TEST_OPERATOR, now });
    expect(preview.apps).toEqual(
      expect.arrayContaining([
        { appId: a.app!.id, name: a.app!.name, count: 2 },
        { appId: b.app!.id, name: b.app!.name, count: 1 },
      ]),
    );

    const { shortened } = await shortenTokens({ type: "refresh_token", maxTtl: 24 * 3600, actor: TEST_OPERATOR, now });
    expect(shortened).toBeGreaterThanOrEqual(3);
    const expiry = async (id: string) => (await db.token.findUniqueOrThrow({ where: { id } })).expiresAt.getTime();
    expect(await expiry(longA[0])).toBe(now + 24 * HOUR);
    expect(await expiry(longA[1])).toBe(now - 2 * HOUR + 24 * HOUR);
    expect(await expiry(longB)).toBe(now + 24 * HOUR);
    expect(await expiry(shortB)).toBe(now + 12 * HOUR);
    const announced = await db.token.findUniqueOrThrow({ where: { id: longB } });
    const event = await db.revocationEvent.findUniqueOrThrow({ where: { sequence: announced.revocationSeq! } });
    expect(event.type).toBe("token.updated");
    expect(JSON.parse(event.tokens)).toContainEqual(
      expect.objectContaining({ token_hash: hashToken(longB), expires_at: new Date(now + 24 * HOUR).toISOString() }),
    );
  });

  it(
    "commits in one transaction: a process killed right after it leaves the tokens shortened and the notices queued",
    { timeout: 30_000 },
    async () => {
      const gw = await createTestGateway("http://127.0.0.1:9/unreachable"); // nothing is sent before the process dies anyway
      try {
        const a = await createTestApp();
        const long = await refreshToken(a.clientId, Date.now(), 400 * 24 * HOUR);
        const operator = operatorActor(`shortener-${a.user.id.slice(0, 8)}`);
        const sequences = await commitInDyingProcess("lifetime_shortened", { maxTtl: 300 * 24 * 3600, actor: operator });

        const token = await db.token.findUniqueOrThrow({ where: { id: long } });
        expect(token.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 300 * 24 * HOUR);
        expect(sequences).toContain(token.revocationSeq);
        const queued = await db.delivery.findMany({ where: { gatewayId: gw.gateway.id, eventSequence: token.revocationSeq! } });
        expect(queued).toEqual([expect.objectContaining({ status: expect.stringMatching(/^(pending|delivered)$/) })]); // a worker may have sent it
        expect(await db.auditEvent.count({ where: { action: "tokens.shortened", actor: actorName(operator) } })).toBe(1);
      } finally {
        await db.gateway.delete({ where: { id: gw.gateway.id } });
      }
    },
  );
});
