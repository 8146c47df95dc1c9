import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { LEASE_MS } from "@/lib/data/store/outbox-sql";
import { sendHeartbeats } from "@/lib/engine/notices/heartbeat";
import { sendDeliveries } from "@/lib/engine/notices/send-deliveries";
import { sendInOrder } from "@/lib/engine/notices/send-in-order";
import { createTestApp, createTestGateway, revokeForTest, TEST_ADMIN } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteGateway } from "./delete-gateway";
import { gatewayState } from "./gateway-state";
import { listAppTokenDeliveries } from "./list-app-token-deliveries";
import { propagationLine } from "./propagation.shared";
import { summarizePropagation } from "./summarize-propagation";
import { updateGateway } from "./update-gateway";

// README, "Gateway states", with real heartbeats and notices to a real receiver that answers, fails or hangs.
// Short intervals keep it quick: a heartbeat every 300 ms, a 2 s lease.
const BEAT_MS = 300;
const LEASE_S = 2;

type Receiver = Awaited<ReturnType<typeof startNoticeReceiver>>;
type Registered = Awaited<ReturnType<typeof createTestGateway>>;
let receivers: Receiver[] = [];
let gateways: Registered[] = [];

const stubTiming = () => {
  vi.stubEnv("PORTCULLIS_HEARTBEAT_MS", String(BEAT_MS));
  vi.stubEnv("PORTCULLIS_GATEWAY_LEASE_SECONDS", String(LEASE_S));
};
beforeAll(stubTiming);
afterAll(() => vi.unstubAllEnvs());
afterEach(async () => {
  vi.unstubAllEnvs(); // a test's own timeout too, even when it failed half-way
  stubTiming();
  // Gateways are global: leave none behind to receive other test files' notices.
  for (const g of gateways) await deleteGateway({ gatewayId: g.gateway.id, actor: TEST_ADMIN });
  await Promise.all(receivers.map((r) => r.close()));
  [gateways, receivers] = [[], []];
});

async function gatewayAt() {
  const receiver = await startNoticeReceiver();
  const gw = await createTestGateway(receiver.url);
  receivers.push(receiver);
  gateways.push(gw);

  return { receiver, gw, id: gw.gateway.id };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const beat = async (gatewayId: string, now?: number) => (await sendHeartbeats({ gatewayIds: [gatewayId], now }))[0];
const row = (gatewayId: string) => db.gateway.findUniqueOrThrow({ where: { id: gatewayId } });

/** A token to revoke, issued before the test's gateway exists, so that no slow step runs while other files' notices reach it. */
async function issueOne() {
  const app = await createTestApp();

  return (await issueToken({ clientId: app.clientId, subscriber: app.user.id })).tokenId;
}
/** A token's acknowledgements, read as its owner's page does (by an admin here: the verb checks who asks). */
async function listTokenDeliveries({ tokenId }: { tokenId: string }) {
  const { clientId } = await db.token.findUniqueOrThrow({ where: { id: tokenId }, select: { clientId: true } });
  const { appId } = await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { appId: true } });

  return listAppTokenDeliveries({ appId: appId!, tokenId, actor: TEST_ADMIN });
}
/** Revokes as a door does: the first notice attempt is made before it returns. */
const revoke = (tokenId: string) => revokeForTest({ selector: { tokenId } });
/** Other test files' notices reach this file's gateways too (the database is shared): an answer may be newer than ours. */
const answeredSince = (state: unknown, ms: number) =>
  expect(Date.parse((state as { answeredAt: string }).answeredAt)).toBeGreaterThanOrEqual(ms);

/** The subscriber's summary of a token's revocation, as this gateway alone makes it (other test files' gateways get it too). */
const propagationAt = async (gatewayId: string, tokenId: string) =>
  summarizePropagation((await listTokenDeliveries({ tokenId })).filter((d) => d.gatewayId === gatewayId));

/** Sends this gateway's pending notices now, other test files' among them (the database is shared), so none is late. */
async function drain(gatewayId: string) {
  const pending = await db.delivery.findMany({ where: { gatewayId, status: "pending" }, select: { eventSequence: true } });
  await db.delivery.updateMany({
    where: { gatewayId, status: "pending" },
    data: { nextAttemptAt: new Date(Date.now() - 1_000), leaseUntil: null },
  });
  await sendDeliveries(
    await store().claimQueued(
      pending.map((p) => p.eventSequence),
      gatewayId,
      LEASE_MS,
    ),
  );
}

describe("gateway states", () => {
  it("is not heard from until it acknowledges a heartbeat, then healthy; a revocation it acknowledges reached every gateway", async () => {
    const tokenId = await issueOne();
    const { receiver, gw, id } = await gatewayAt();
    receiver.setMode("fail-notices"); // other files' notices must not answer for it first
    expect(await gatewayState(id)).toEqual({ kind: "awaiting", since: gw.gateway.createdAt });

    const sentAt = Date.now();
    expect(await beat(id, sentAt)).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ heartbeatAckedAt: new Date(sentAt), heartbeatUnansweredSince: null, heartbeatError: null });
    receiver.setMode("ok");
    await drain(id);
    const healthy = await gatewayState(id);
    expect(healthy).toEqual({ kind: "healthy", answeredAt: expect.any(String) });
    answeredSince(healthy, sentAt);

    await revoke(tokenId);
    const propagation = await propagationAt(id, tokenId);
    expect(propagation).toEqual({ state: "reached", ms: expect.any(Number) });
    expect(propagationLine(propagation)).toMatch(/^Reached every gateway in [\d,]+ ms\.$/);
  });

  it("lags while it answers heartbeats but not a notice for longer than a heartbeat interval, and is healthy once it acknowledges", async () => {
    const tokenId = await issueOne();
    const { receiver, id } = await gatewayAt();
    receiver.setMode("fail-notices");
    expect(await beat(id)).toMatchObject({ ok: true });
    await revoke(tokenId);
    const [delivery] = (await listTokenDeliveries({ tokenId })).filter((d) => d.gatewayId === id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500" });
    expect((await gatewayState(id))?.kind).not.toBe("lagging"); // not yet: it was just sent

    await sleep(BEAT_MS + 50);
    expect(await beat(id)).toMatchObject({ ok: true });
    const state = await gatewayState(id);
    expect(state).toMatchObject({ kind: "lagging", late: expect.any(Number), afterMs: BEAT_MS });
    expect(state?.kind === "lagging" && state.late).toBeGreaterThanOrEqual(1);
    const propagation = await propagationAt(id, tokenId);
    expect(propagation).toMatchObject({ state: "partial", gateways: 1, reached: 0, sending: 1, unreachable: 0, failed: 0 });
    expect(propagationLine(propagation)).toBe("0 of 1 gateway reached; 1 has not acknowledged yet (still sending).");

    receiver.setMode("ok");
    await drain(id);
    expect(await gatewayState(id)).toMatchObject({ kind: "healthy" });
    expect(await propagationAt(id, tokenId)).toMatchObject({ state: "reached" });
  });

  it("is unreachable once heartbeats and notices are refused for two intervals, says since when, and comes back", async () => {
    const tokenId = await issueOne();
    const { receiver, id } = await gatewayAt();
    const ackedAt = Date.now();
    expect(await beat(id, ackedAt)).toMatchObject({ ok: true });
    await drain(id);
    await receiver.close(); // nothing listens on its port any more

    expect(await beat(id)).toMatchObject({ ok: false, error: "ECONNREFUSED" });
    const { heartbeatUnansweredSince, heartbeatError } = await row(id);
    expect(heartbeatError).toBe("ECONNREFUSED");
    expect((await gatewayState(id))?.kind).not.toBe("unreachable"); // one unanswered heartbeat is not an outage yet

    await revoke(tokenId); // its notice is refused too
    await sleep(2 * BEAT_MS);
    await beat(id);
    const state = await gatewayState(id);
    expect(state).toEqual({
      kind: "unreachable",
      since: heartbeatUnansweredSince!.toISOString(), // the first unanswered heartbeat, not the latest
      answeredAt: expect.any(String),
      error: "ECONNREFUSED",
      pending: expect.any(Number),
      leaseSeconds: LEASE_S,
    });
    expect(state?.kind === "unreachable" && state.pending).toBeGreaterThanOrEqual(1);
    answeredSince(state, ackedAt);
    const propagation = await propagationAt(id, tokenId);
    expect(propagation).toMatchObject({ state: "partial", gateways: 1, reached: 0, sending: 0, unreachable: 1 });
    expect(propagationLine(propagation)).toBe(
      "0 of 1 gateway reached; 1 is unreachable and refuses cached tokens once its 2 s lease runs out.",
    );

    // Back at a new address: the next acknowledged heartbeat clears the outage, and its notices go out.
    const back = await startNoticeReceiver();
    receivers.push(back);
    await db.gateway.update({ where: { id }, data: { revokeUrl: back.url } });
    expect(await beat(id)).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ heartbeatUnansweredSince: null, heartbeatError: null });
    await drain(id);
    expect(await gatewayState(id)).toMatchObject({ kind: "healthy" });
    expect(await propagationAt(id, tokenId)).toMatchObject({ state: "reached" });
  });

  it("is unreachable when it hangs: heartbeats that time out count as unanswered", async () => {
    const { receiver, id } = await gatewayAt();
    expect(await beat(id)).toMatchObject({ ok: true });
    vi.stubEnv("PORTCULLIS_DELIVERY_TIMEOUT_MS", "300");
    receiver.setMode("hang");
    expect(await beat(id)).toMatchObject({ ok: false, error: "no answer within 300 ms" });
    await sleep(2 * BEAT_MS);
    await beat(id);
    expect(await gatewayState(id)).toMatchObject({ kind: "unreachable", error: "no answer within 300 ms" });
  });

  it("is unreachable after a lease without any acknowledgement, even with no failure recorded (no heartbeats sent at all)", async () => {
    const { id } = await gatewayAt();
    const ackedAt = Date.now();
    expect(await beat(id, ackedAt)).toMatchObject({ ok: true });
    // Read as the clock moves on and no heartbeat goes out: quiet but not failing is no outage within the lease.
    expect((await gatewayState(id, ackedAt + 2 * BEAT_MS + 50))?.kind).not.toBe("unreachable");

    const state = await gatewayState(id, ackedAt + LEASE_S * 1000 + 500);
    expect(state).toEqual({
      kind: "unreachable",
      since: expect.any(String),
      answeredAt: expect.any(String),
      error: null,
      pending: expect.any(Number),
      leaseSeconds: LEASE_S,
    });
    answeredSince(state, ackedAt);
  });

  it("keeps a newer acknowledgement when an older heartbeat's failure is recorded after it", async () => {
    const { receiver, id } = await gatewayAt();
    const ackedAt = Date.now();
    expect(await beat(id, ackedAt)).toMatchObject({ ok: true });
    await receiver.close();
    expect(await beat(id, ackedAt - 1_000)).toMatchObject({ ok: false }); // a round that started before the acknowledged one
    expect(await row(id)).toMatchObject({ heartbeatAckedAt: new Date(ackedAt), heartbeatUnansweredSince: null, heartbeatError: null });
  });

  it("is disabled with its held notices counted, and starts afresh when enabled", async () => {
    const tokenId = await issueOne();
    const { receiver, id } = await gatewayAt();
    expect(await beat(id)).toMatchObject({ ok: true });
    await updateGateway({ gatewayId: id, enabled: false, actor: TEST_ADMIN });
    await revoke(tokenId);
    const state = await gatewayState(id);
    expect(state).toEqual({ kind: "disabled", held: expect.any(Number) });
    expect(state?.kind === "disabled" && state.held).toBeGreaterThanOrEqual(1); // this file's revocation, and others' meanwhile
    expect(await propagationAt(id, tokenId)).toEqual({ state: "none", ms: null }); // a disabled gateway is not one to wait for
    expect(await sendHeartbeats({ gatewayIds: [id] })).toEqual([]); // nor is it sent heartbeats

    receiver.setMode("fail-notices"); // other files' notices must not answer for it first
    const { gateway, notices } = await updateGateway({ gatewayId: id, enabled: true, actor: TEST_ADMIN });
    const { enabledAt } = await row(id);
    expect(gateway.enabled).toBe(true);
    expect(await gatewayState(id)).toEqual({ kind: "awaiting", since: enabledAt!.toISOString() }); // its heartbeats before do not count
    receiver.setMode("ok");
    await sendInOrder(notices);
    expect(await gatewayState(id)).toMatchObject({ kind: "healthy" }); // it acknowledged what was held
    expect(await propagationAt(id, tokenId)).toMatchObject({ state: "reached" });
  });
});

describe("the subscriber's line", () => {
  const partial = { state: "partial", ms: null, leaseSeconds: 30 } as const;

  it("calls a single kind of rest the other, or the rest, and counts each kind when there are several", () => {
    expect(propagationLine({ ...partial, gateways: 2, reached: 1, sending: 0, unreachable: 1, failed: 0 })).toBe(
      "1 of 2 gateways reached; the other is unreachable and refuses cached tokens once its 30 s lease runs out.",
    );
    expect(propagationLine({ ...partial, gateways: 3, reached: 1, sending: 0, unreachable: 2, failed: 0 })).toBe(
      "1 of 3 gateways reached; the rest are unreachable and refuse cached tokens once their 30 s lease runs out.",
    );
    expect(propagationLine({ ...partial, gateways: 4, reached: 1, sending: 1, unreachable: 1, failed: 1 })).toBe(
      "1 of 4 gateways reached; 1 has not acknowledged yet (still sending); 1 is unreachable and refuses cached tokens once its 30 s lease runs out; 1 did not acknowledge before its retries ran out.",
    );
    expect(propagationLine({ state: "none", ms: null })).toBe("No gateway to notify.");
    expect(propagationLine({ state: "reached", ms: 1234 })).toBe("Reached every gateway in 1,234 ms.");
  });
});
