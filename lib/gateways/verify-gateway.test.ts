import { getAdminOverview } from "@/lib/admin/get-overview";
import { CANARY_CLIENT_ID } from "@/lib/base/canary.shared";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { updateSettings } from "@/lib/settings/settings";
import { activityPerDay } from "@/lib/stats/activity-per-day";
import { TEST_ADMIN } from "@/lib/testing/factories";
import { freePort, startGatewayProcess } from "@/lib/testing/gateway-process";
import { startFront } from "@/lib/testing/http/raw-http";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { listTokens } from "@/lib/tokens/list-tokens";
import { searchTokens } from "@/lib/tokens/search-tokens";
import { tokenStats } from "@/lib/tokens/token-stats";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCanaryClient } from "./canary-client";
import { createGateway } from "./create-gateway";
import { gatewayHealth } from "./gateway-health";
import { runScheduledCanaries } from "./run-scheduled-canaries";
import { updateGateway } from "./update-gateway";
import { verifyGateway } from "./verify-gateway";

// Real processes, real HTTP: the key manager's front in this process, each reference gateway in its own.
let front: Awaited<ReturnType<typeof startFront>>;
let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
const gatewayIds: string[] = [];
const processes: { kill: () => Promise<void> }[] = [];

beforeAll(async () => {
  [front, upstream] = await Promise.all([startFront(), startEchoUpstream()]);
});
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  await db.gateway.deleteMany({ where: { id: { in: gatewayIds } } }); // a gateway left behind would hear other tests' notices
  await Promise.all([front.close(), upstream.close()]);
});

/** A registered gateway and a reference gateway process holding its credentials; notices go to `revokeUrl` (its own revoke path by default). */
async function gatewayWithProcess({ revokeUrl }: { revokeUrl?: string } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const registered = await createGateway({
    actor: TEST_ADMIN,
    name: `canary-gw-${randomUUID().slice(0, 8)}`,
    revokeUrl: revokeUrl ?? `${url}/portcullis/revoke`,
    canaryUrl: `${url}/_gateway/canary`,
  });
  gatewayIds.push(registered.gateway.id);
  const gateway = await startGatewayProcess({
    port,
    keyManager: `http://127.0.0.1:${front.port}`,
    upstream: upstream.url,
    creds: registered,
    extra: ["--quiet"],
  });
  processes.push(gateway);

  return { registered, gateway, gatewayId: registered.gateway.id };
}

const verify = (gatewayId: string, timeoutMs?: number) => verifyGateway({ gatewayId, actor: TEST_ADMIN, flush: flushNotices, timeoutMs });
const auditOf = (gatewayId: string) =>
  db.auditEvent.findMany({ where: { action: { startsWith: "gateway." }, detail: { contains: gatewayId } }, orderBy: { createdAt: "asc" } });

describe("the gateway canary", () => {
  it("passes against a healthy reference gateway, with the time from the revocation to its refusal", { timeout: 60_000 }, async () => {
    const { gatewayId, gateway } = await gatewayWithProcess();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await verify(gatewayId);
      expect(run).toMatchObject({
        outcome: "passed",
        admittedStatus: 200,
        refusedStatus: 401,
        acknowledged: true,
        detail: null,
        trigger: "admin",
      });
      expect(run.refusalMs).toBeGreaterThanOrEqual(0);
      expect(run.refusalMs).toBeLessThan(2_000);
      times.push(run.refusalMs!);
    }
    console.log(`canary refusal times against the healthy reference gateway: ${times.join(", ")} ms`);
    expect(Number((await gateway.stats()).notices_accepted)).toBeGreaterThanOrEqual(3);

    const health = await gatewayHealth(gatewayId);
    expect(health?.canary).toMatchObject({ outcome: "passed", refusalMs: times[2] });
    expect((await auditOf(gatewayId)).map((e) => [e.action, JSON.parse(e.detail).outcome])).toEqual([
      ["gateway.created", undefined],
      ...times.map(() => ["gateway.verified", "passed"]),
    ]);
    // Each run revoked its own token through the change pipeline, under the canary's cause.
    const tokens = await db.token.findMany({
      where: { clientId: CANARY_CLIENT_ID, source: "canary", createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(tokens.every((t) => t.revokedReason === "canary" && t.revocationSeq !== null)).toBe(true);
  });

  it("fails and alerts against a gateway that acknowledges notices but keeps admitting", { timeout: 60_000 }, async () => {
    // The revoke URL acknowledges every notice, but the gateway that enforces never hears of them.
    const receiver = await startNoticeReceiver();
    try {
      const { gatewayId, gateway } = await gatewayWithProcess({ revokeUrl: receiver.url });
      const run = await verify(gatewayId, 2_000);
      expect(run).toMatchObject({
        outcome: "still_admitting",
        admittedStatus: 200,
        refusedStatus: null,
        refusalMs: null,
        acknowledged: true,
      });
      expect(run.detail).toBe("acknowledged the notice; still HTTP 200 after 2000 ms");
      expect(await gateway.stats()).toMatchObject({ state: "fresh" }); // it admitted from its cache, not for want of a lease
      expect(receiver.received.some((n) => JSON.parse(n.body).type === "token.revoked")).toBe(true);
      const alert = (await auditOf(gatewayId)).at(-1)!;
      expect(alert).toMatchObject({ action: "gateway.canary_alert", actor: TEST_ADMIN.email });
      expect(JSON.parse(alert.detail)).toMatchObject({ outcome: "still_admitting", runId: run.id });
      expect((await gatewayHealth(gatewayId))?.canary).toMatchObject({ outcome: "still_admitting" });

      // Its revoke URL stops acknowledging: the token is still admitted, and nobody heard of the revocation.
      receiver.setMode("fail-notices");
      expect(await verify(gatewayId, 1_000)).toMatchObject({ outcome: "unacknowledged", acknowledged: false });
    } finally {
      await receiver.close();
    }
  });

  it("reports a canary URL that does not admit a valid token", { timeout: 60_000 }, async () => {
    const { gatewayId, gateway } = await gatewayWithProcess();
    await updateGateway({ gatewayId, actor: TEST_ADMIN, canaryUrl: `${gateway.url}/_gateway/stats/nothing` });
    expect(await verify(gatewayId)).toMatchObject({ outcome: "not_admitting", admittedStatus: 404, detail: "HTTP 404" });
  });

  it("refuses a gateway without a canary URL, a disabled one, and anyone who may not verify", async () => {
    const registered = await createGateway({
      actor: TEST_ADMIN,
      name: `canary-none-${randomUUID().slice(0, 8)}`,
      revokeUrl: "http://127.0.0.1:9/revoke",
    });
    gatewayIds.push(registered.gateway.id);
    const gatewayId = registered.gateway.id;
    await expect(verify(gatewayId)).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("canary URL") });
    await updateGateway({ gatewayId, actor: TEST_ADMIN, canaryUrl: "http://127.0.0.1:9/_gateway/canary", enabled: false });
    await expect(verify(gatewayId)).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("disabled") });
    const subscriber = { kind: "person", id: "u", email: "u@test.local", role: "subscriber" } as const;
    await expect(verifyGateway({ gatewayId, actor: subscriber, flush: flushNotices })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateGateway({ gatewayId, actor: TEST_ADMIN, canaryUrl: "ftp://x" })).rejects.toThrow(/http\(s\) URL/);
  });
});

describe("the scheduled canary", () => {
  it("runs each due gateway once per interval while the setting is on, and nothing while it is off", { timeout: 60_000 }, async () => {
    const { gatewayId } = await gatewayWithProcess();
    const round = () => runScheduledCanaries({ flush: flushNotices, gatewayIds: [gatewayId] });
    expect(await round()).toEqual([]); // off by default
    await updateSettings({ change: { canary_interval: 60 }, actor: TEST_ADMIN });
    try {
      expect(await round()).toEqual([expect.objectContaining({ outcome: "passed", trigger: "schedule" })]);
      expect(await round()).toEqual([]); // ran within the interval
      expect(await runScheduledCanaries({ flush: flushNotices, gatewayIds: [gatewayId], now: Date.now() + 61_000 })).toHaveLength(1);
      expect((await auditOf(gatewayId)).map((e) => e.action)).toEqual(["gateway.created"]); // a passing scheduled run writes no audit row
    } finally {
      await updateSettings({ change: { canary_interval: 0 }, actor: TEST_ADMIN });
    }
    await expect(updateSettings({ change: { canary_interval: 30 }, actor: TEST_ADMIN })).rejects.toMatchObject({
      fields: { canary_interval: ["At least 60 seconds, or 0 for off."] },
    });
  });
});

describe("canary tokens are no one's", () => {
  // Far in the future, so the counts see only this test's rows whatever other test files write meanwhile.
  const DAY = Date.parse("2100-01-15T12:00:00Z");

  it("never appear in token searches, token lists, the dashboard's counts or the charts", async () => {
    await ensureCanaryClient();
    const id = randomUUID();
    await store().insertToken({
      id,
      hash: `canary-test-${id}`,
      prefix: "pcl_at_",
      last4: "cnry",
      type: "access_token",
      clientId: CANARY_CLIENT_ID,
      subscriber: null,
      grantId: id,
      scope: "",
      createdAt: DAY,
      expiresAt: DAY + 365 * 86_400_000,
      revokedAt: null,
      source: "canary",
      note: null,
    });
    await db.introspectionCount.create({ data: { day: "2100-01-15", clientId: CANARY_CLIENT_ID, count: 5 } });
    try {
      expect(await searchTokens({ actor: TEST_ADMIN, clientId: CANARY_CLIENT_ID })).toMatchObject({ tokens: [], total: 0 });
      expect((await searchTokens({ actor: TEST_ADMIN, q: "cnry" })).tokens.map((t) => t.id)).not.toContain(id);
      await expect(listTokens({ clientId: CANARY_CLIENT_ID, actor: TEST_ADMIN })).rejects.toMatchObject({ code: "not_found" });
      expect(await tokenStats({ actor: TEST_ADMIN, now: DAY + 86_400_000 })).toMatchObject({ active: 0 });
      expect(await getAdminOverview({ actor: TEST_ADMIN, now: new Date(DAY + 86_400_000) })).toMatchObject({ activeTokens: 0 });
      const day = (await activityPerDay({ actor: TEST_ADMIN, now: DAY + 86_400_000 })).find((d) => d.day === "2100-01-15");
      expect(day).toEqual({ day: "2100-01-15", issued: 0, revoked: 0, introspections: 0 });
    } finally {
      await db.token.delete({ where: { id } });
      await db.introspectionCount.delete({ where: { day_clientId: { day: "2100-01-15", clientId: CANARY_CLIENT_ID } } });
    }
  });
});
