import { db } from "@/lib/data/db/client";
import { createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { afterAll, describe, expect, it } from "vitest";
import { canaryPerDay } from "./canary-per-day";

// Far in the future, so the window holds only this test's runs whatever other test files write meanwhile.
const NOW = Date.parse("2100-03-31T12:00:00Z");
const gatewayIds: string[] = [];
afterAll(() => db.gateway.deleteMany({ where: { id: { in: gatewayIds } } }));

describe("the canary per gateway and day", () => {
  it("counts runs and failures and keeps the slowest refusal, per gateway and UTC day, for admins only", async () => {
    const { gateway } = await createTestGateway("http://127.0.0.1:9/portcullis/revoke");
    gatewayIds.push(gateway.id);
    const run = (iso: string, outcome: string, refusalMs: number | null) =>
      db.canaryRun.create({ data: { gatewayId: gateway.id, startedAt: new Date(iso), outcome, refusalMs, trigger: "schedule" } });
    await run("2100-03-30T01:00:00Z", "passed", 40);
    await run("2100-03-30T23:59:00Z", "passed", 90);
    await run("2100-03-30T12:00:00Z", "still_admitting", null);
    await run("2100-03-31T00:01:00Z", "passed", 30);

    const [mine] = (await canaryPerDay({ actor: TEST_ADMIN, now: NOW })).filter((g) => g.gateway === gateway.name);
    expect(mine.days).toHaveLength(30);
    expect(mine.days.slice(-2)).toEqual([
      { day: "2100-03-30", runs: 3, failed: 1, slowestMs: 90 },
      { day: "2100-03-31", runs: 1, failed: 0, slowestMs: 30 },
    ]);
    expect(mine.days.slice(0, -2).every((d) => d.runs === 0 && d.slowestMs === null)).toBe(true);
    const subscriber = { kind: "person", id: "u", email: "u@test.local", role: "subscriber" } as const;
    await expect(canaryPerDay({ actor: subscriber })).rejects.toMatchObject({ code: "forbidden" });
  });
});
