import { db } from "@/lib/data/db/client";
import { createTestGateway } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { gatewayHealth } from "./gateway-health";

const gatewayIds: string[] = [];
afterAll(() => db.gateway.deleteMany({ where: { id: { in: gatewayIds } } }));

describe("gateway health", () => {
  it("reads a busy hour of 50,000 acknowledgements from a bounded sample", { timeout: 120_000 }, async () => {
    const gw = await createTestGateway("http://127.0.0.1:9/portcullis/revoke");
    gatewayIds.push(gw.gateway.id);
    await db.gateway.update({ where: { id: gw.gateway.id }, data: { disabledAt: new Date() } }); // sent nothing from other tests: their notices are held, never delivered
    const now = Date.now();
    const COUNT = 50_000;
    const prefix = `evt_health_${randomUUID().slice(0, 8)}_`; // this test's events only: the suite's database holds others of the last hour
    // Latency grows with age: the newest 1,000 took 10–19 ms, everything older 500 ms.
    for (let start = 0; start < COUNT; start += 5_000) {
      const ids = Array.from({ length: 5_000 }, (_, i) => start + i);
      await db.revocationEvent.createMany({
        data: ids.map((i) => ({
          id: `${prefix}${i}`,
          type: "token.revoked",
          tokens: "[]",
          createdAt: new Date(now - 60_000 - i * 50 - (i < 1_000 ? 10 + (i % 10) : 500)),
          expiresAt: new Date(now + 3_600_000),
        })),
      });
    }
    const events = await db.revocationEvent.findMany({
      where: { id: { startsWith: prefix } },
      orderBy: { createdAt: "desc" },
      select: { sequence: true, createdAt: true },
      take: COUNT,
    });
    const deliveredAt = (i: number) => new Date(now - 60_000 - i * 50);
    for (let start = 0; start < COUNT; start += 5_000) {
      await db.delivery.createMany({
        data: events.slice(start, start + 5_000).map((e, k) => ({
          eventSequence: e.sequence,
          gatewayId: gw.gateway.id,
          status: "delivered",
          attempts: 1,
          nextAttemptAt: deliveredAt(start + k),
          giveUpAt: new Date(now + 3_600_000),
          deliveredAt: deliveredAt(start + k),
          createdAt: e.createdAt,
        })),
      });
    }

    const started = performance.now();
    const health = (await gatewayHealth(gw.gateway.id, now))!;
    console.log(`gateway health over ${COUNT} deliveries: ${(performance.now() - started).toFixed(1)} ms`);
    expect(health.deliveredLastHour).toBe(COUNT);
    expect(health.latencyP50Ms).toBeGreaterThanOrEqual(10);
    expect(health.latencyP99Ms).toBeLessThan(500); // only the newest 1,000 are sampled
  });
});
