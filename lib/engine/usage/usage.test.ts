import { env } from "@/lib/base/env";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import { store } from "@/lib/data/store";
import { activityPerDay } from "@/lib/stats/activity-per-day";
import { propagationPerDay } from "@/lib/stats/propagation-per-day";
import { createTestApp, introspectAs, revokeForTest, TEST_ADMIN } from "@/lib/testing/factories";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import { flushUsage } from "./flush-usage";

const edge = gatewayForTheseTests();

const today = () => new Date().toISOString().slice(0, 10);

describe("last used and introspection counts", () => {
  it("are noted in memory by introspection (no write on the way) and written by the next flush", async () => {
    const app = await createTestApp();
    const issued = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
    for (let i = 0; i < 3; i++)
      expect(await introspectAs(app.clientId, app.clientSecret, issued.accessToken)).toMatchObject({ active: true });

    expect(await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } })).toMatchObject({ lastUsedAt: null });
    expect(await db.introspectionCount.findMany({ where: { clientId: app.clientId } })).toEqual([]);

    const before = Date.now();
    await flushUsage();

    const token = await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } });
    expect(token.lastUsedAt!.getTime()).toBeGreaterThan(before - 60_000);
    const secret = await db.clientSecret.findFirstOrThrow({ where: { clientId: app.clientId } });
    expect(secret.lastUsedAt).not.toBeNull(); // the client authenticated with it to introspect
    expect(await db.introspectionCount.findMany({ where: { clientId: app.clientId } })).toEqual([
      { day: today(), clientId: app.clientId, count: 3 },
    ]);

    await introspectAs(app.clientId, app.clientSecret, issued.accessToken);
    await flushUsage();
    expect((await db.introspectionCount.findFirstOrThrow({ where: { clientId: app.clientId } })).count).toBe(4); // added, not replaced
  });

  it("feed the charts: issued, revoked and introspected per day, and each gateway's propagation", async () => {
    const app = await createTestApp();
    const [kept, revoked] = [
      await issueToken({ clientId: app.clientId, subscriber: app.user.id }),
      await issueToken({ clientId: app.clientId, subscriber: app.user.id }),
    ];
    await introspectAs(app.clientId, app.clientSecret, kept.accessToken);
    await flushUsage();
    await revokeForTest({ selector: { tokenId: revoked.tokenId } });

    const days = await activityPerDay({ appId: app.app!.id, actor: TEST_ADMIN });
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: today(), issued: 2, revoked: 1, introspections: 1 });
    expect(days.slice(0, -1).every((d) => d.issued === 0 && d.revoked === 0)).toBe(true);

    const propagation = await propagationPerDay({ appId: app.app!.id, actor: TEST_ADMIN });
    expect(propagation.map((g) => g.gateway)).toContain(edge.gateway.gateway.name);
    const mine = propagation.find((g) => g.gateway === edge.gateway.gateway.name)!.days.at(-1)!;
    expect(mine).toMatchObject({ day: today(), notices: 1 });
    expect(mine.p50).toBeGreaterThanOrEqual(0);
    expect(mine.p99).toBeGreaterThanOrEqual(mine.p50!);
  });
});

// Found by the PostgreSQL bench: two instances' flushes touching the same tokens in different orders deadlocked.
describe.runIf(engineOf(env.DATABASE_URL) === "postgresql")("flushes from several instances", () => {
  it("touch the same tokens at once without a deadlock: rows are locked in one order", async () => {
    const app = await createTestApp();
    const ids = (await Promise.all(Array.from({ length: 400 }, () => issueToken({ clientId: app.clientId, subscriber: null })))).map(
      (t) => t.tokenId,
    );
    const at = Date.now();
    const batch = (order: string[], shift: number) => ({
      tokens: order.map((id) => ({ id, at: at + shift })),
      secrets: [],
      introspections: [{ day: today(), clientId: app.clientId, count: 1 }],
    });
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled([
        store().recordUsage(batch(ids, round * 2 + 1)),
        store().recordUsage(batch([...ids].reverse(), round * 2 + 2)),
      ]);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    }
    expect((await db.introspectionCount.findFirstOrThrow({ where: { clientId: app.clientId } })).count).toBe(10);
  });
});
