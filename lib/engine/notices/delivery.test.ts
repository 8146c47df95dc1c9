import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { deleteGateway } from "@/lib/gateways/delete-gateway";
import { redeliver } from "@/lib/gateways/redeliver";
import { updateGateway } from "@/lib/gateways/update-gateway";
import { createTestApp, createTestGateway, makeDeliveryDue, revokeForTest, TEST_ADMIN, TEST_OPERATOR } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { deliverDue } from "./delivery-worker";
import { flushNotices } from "./flush-notices";
import { sendInOrder } from "./send-in-order";

let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
let gateways: Awaited<ReturnType<typeof createTestGateway>>[] = [];

beforeAll(async () => {
  receiver = await startNoticeReceiver();
});
afterAll(() => receiver.close());
afterEach(async () => {
  // Gateways are global: leave none behind to receive other tests' notices.
  for (const g of gateways) await db.gateway.delete({ where: { id: g.gateway.id } });
  gateways = [];
  receiver.received.length = 0;
  receiver.setMode("ok");
  vi.unstubAllEnvs(); // even when a test failed half-way
});

async function gatewayAndToken() {
  const gw = await createTestGateway(receiver.url);
  gateways.push(gw);
  const app = await createTestApp();
  const issued = await issueToken({ clientId: app.clientId, subscriber: app.user.id });

  return { gw, app, issued };
}
const deliveryOf = (gatewayId: string, sequence: number) =>
  db.delivery.findUniqueOrThrow({ where: { eventSequence_gatewayId: { eventSequence: sequence, gatewayId } } });

describe("gateway notices", () => {
  it("sends a signed token.revoked notice that follows the contract, right after the revocation", async () => {
    const { gw, app, issued } = await gatewayAndToken();
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    const mine = () => receiver.received.filter((n) => n.body.includes(app.clientId)); // other test files revoke too
    const [notice] = (await eventually(() => mine().length > 0 && mine())) || [];
    const payload = new Webhook(gw.signingSecret).verify(notice.body, notice.headers as Record<string, string>) as {
      data: { sequence: number };
    };
    expect(payload).toEqual({
      type: "token.revoked",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        sequence: expect.any(Number),
        tokens: [
          {
            token_hash: hashToken(issued.accessToken),
            token_type: "access_token",
            client_id: app.clientId,
            expires_at: issued.expiresAt.toISOString(),
          },
        ],
      },
    });
    expect(notice.body).not.toContain(issued.accessToken);
    const delivery = await eventually(async () => (await deliveryOf(gw.gateway.id, payload.data.sequence)).status === "delivered");
    expect(delivery).toBe(true);
  });

  it("sends a notice that revocations committed together share once, and answers each one's flush with its attempts", async () => {
    const { gw, app } = await gatewayAndToken();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => issueToken({ clientId: app.clientId, subscriber: null })));
    const changes = await Promise.all(
      tokens.map((t) => commitTokenChange({ cause: "cli", tokens: { revoke: { tokenId: t.tokenId } }, by: "test", actor: TEST_OPERATOR })),
    );
    const events = new Set(changes.flatMap((c) => c.notices.sequences));
    expect(events.size).toBeLessThan(changes.length); // the batch shared its events

    // Every door flushes what it committed, at once; each hears how its gateway answered.
    const flushed = await Promise.all(changes.map((c) => flushNotices(c.notices)));
    for (const attempts of flushed) expect(attempts).toEqual([expect.objectContaining({ gatewayId: gw.gateway.id, ok: true })]);
    const mine = receiver.received.filter((n) => n.body.includes(app.clientId));
    expect(mine).toHaveLength(events.size); // each shared event sent once
  });

  it("retries a failing gateway with backoff under the same webhook-id, and delivers once it recovers", async () => {
    const { gw, issued } = await gatewayAndToken();
    receiver.setMode("fail");
    const token = await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } });
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    const sequence = (await db.token.findUniqueOrThrow({ where: { id: token.id } })).revocationSeq!;
    const failed = await eventually(async () => {
      const d = await deliveryOf(gw.gateway.id, sequence);
      return d.attempts === 1 && d;
    });
    expect(failed).toMatchObject({ status: "pending", lastStatus: 500, lastError: "HTTP 500" });
    expect(failed && failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    receiver.setMode("ok");
    await makeDeliveryDue(gw.gateway.id, sequence);
    await deliverDue();
    expect(await deliveryOf(gw.gateway.id, sequence)).toMatchObject({ status: "delivered", attempts: 2 });
    const attempts = receiver.received.filter((n) => JSON.parse(n.body).data.sequence === sequence);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((n) => n.headers["webhook-id"])).size).toBe(1);
  });

  it("waits as long as a 429's Retry-After asks before the next attempt, within the retry window of 72 h", async () => {
    const { gw, issued } = await gatewayAndToken();
    receiver.setMode("busy");
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    const sequence = (await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } })).revocationSeq!;
    const busy = await eventually(async () => {
      const d = await deliveryOf(gw.gateway.id, sequence);
      return d.attempts === 1 && d;
    });
    expect(busy).toMatchObject({ status: "pending", lastStatus: 429 });
    // The first backoff is about 1 s; the gateway asked for 120.
    expect(busy && busy.nextAttemptAt.getTime() - busy.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(119_000);
    expect(busy && busy.giveUpAt.getTime() - busy.createdAt.getTime()).toBeGreaterThanOrEqual(72 * 3_600_000 - 1_000);
  });

  it("disables a gateway that answers 410 Gone, holds its notices, says so in the trail, and sends them once re-enabled", async () => {
    const { gw, issued } = await gatewayAndToken();
    receiver.setMode("gone");
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    const sequence = (await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } })).revocationSeq!;
    const stopped = await eventually(async () => (await db.gateway.findUniqueOrThrow({ where: { id: gw.gateway.id } })).disabledAt);
    expect(stopped).toBeInstanceOf(Date);
    expect(await deliveryOf(gw.gateway.id, sequence)).toMatchObject({ status: "pending", lastStatus: 410 });
    expect((await db.client.findUniqueOrThrow({ where: { id: gw.clientId } })).disabledAt).toBeInstanceOf(Date); // fails closed
    const trail = await db.auditEvent.findMany({ where: { action: "gateway.updated", actor: "system:deliveries" } });
    expect(trail.some((e) => e.detail.includes(gw.gateway.id) && e.detail.includes("410 Gone"))).toBe(true);

    receiver.setMode("ok");
    const { notices } = await updateGateway({ gatewayId: gw.gateway.id, enabled: true, actor: TEST_ADMIN });
    await sendInOrder(notices);
    expect(await deliveryOf(gw.gateway.id, sequence)).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("treats a refused connection and a hanging gateway as failures to retry", async () => {
    const { gw, issued } = await gatewayAndToken();
    vi.stubEnv("PORTCULLIS_DELIVERY_TIMEOUT_MS", "300");
    receiver.setMode("hang");
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    const sequence = (await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } })).revocationSeq!;
    const hung = await eventually(async () => (await deliveryOf(gw.gateway.id, sequence)).lastError);
    expect(hung).toBe("no answer within 300 ms");
    vi.unstubAllEnvs();

    const closed = await startNoticeReceiver();
    await closed.close(); // nothing listens on its port any more
    await db.gateway.update({ where: { id: gw.gateway.id }, data: { revokeUrl: closed.url } });
    await makeDeliveryDue(gw.gateway.id, sequence);
    await deliverDue();
    expect((await deliveryOf(gw.gateway.id, sequence)).lastError).toBe("ECONNREFUSED");
  });

  it("marks a delivery failed after its 24 h window, and an admin's redelivery sends it", async () => {
    const { gw, issued } = await gatewayAndToken();
    receiver.setMode("fail");
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    const sequence = (await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } })).revocationSeq!;
    await eventually(async () => (await deliveryOf(gw.gateway.id, sequence)).attempts === 1);
    await db.delivery.update({
      where: { eventSequence_gatewayId: { eventSequence: sequence, gatewayId: gw.gateway.id } },
      data: { giveUpAt: new Date() },
    });
    await makeDeliveryDue(gw.gateway.id, sequence);
    await deliverDue();
    expect((await deliveryOf(gw.gateway.id, sequence)).status).toBe("failed");

    receiver.setMode("ok");
    const { queued, notices } = await redeliver({ gatewayId: gw.gateway.id, actor: TEST_ADMIN });
    expect(queued).toBe(1);
    await flushNotices(notices);
    expect(await eventually(async () => (await deliveryOf(gw.gateway.id, sequence)).status === "delivered")).toBe(true);
  });

  it("splits a large revocation into events of at most 500 tokens", async () => {
    const { gw, app } = await gatewayAndToken();
    for (let i = 0; i < 1_100; i++) await issueToken({ clientId: app.clientId, subscriber: null });
    const revoked = await revokeForTest({ selector: { clientId: app.clientId }, cause: "admin_bulk" });
    expect(revoked).toHaveLength(1_101);
    const mine = () => receiver.received.filter((n) => n.body.includes(app.clientId));
    const notices = await eventually(() => mine().length === 3 && mine(), { timeoutMs: 10_000 });
    const sizes = (notices || []).map((n) => JSON.parse(n.body).data.tokens.length).sort((a: number, b: number) => a - b);
    expect(sizes).toEqual([101, 500, 500]);
    const events = new Set((notices || []).map((n) => n.headers["webhook-id"]));
    expect(events.size).toBe(3); // three events, not one event sent three times
    expect(await db.delivery.count({ where: { gatewayId: gw.gateway.id, status: "delivered" } })).toBe(3);
  });

  it("holds a disabled gateway's notices — unsent, not failing, its retry window kept — and sends them in sequence order once enabled", async () => {
    const { gw, app, issued } = await gatewayAndToken();
    const second = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
    await updateGateway({ gatewayId: gw.gateway.id, enabled: false, actor: TEST_ADMIN });
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    await revokeForTest({ selector: { tokenId: second.tokenId }, cause: "browser" });
    const sequences = await Promise.all(
      [issued, second].map(async (t) => (await db.token.findUniqueOrThrow({ where: { id: t.tokenId } })).revocationSeq!),
    );
    const mine = () => receiver.received.filter((n) => n.body.includes(app.clientId));

    // Due, as after a day of being disabled, and past their give-up time: still held, never attempted.
    for (const s of sequences) await makeDeliveryDue(gw.gateway.id, s);
    await db.delivery.updateMany({ where: { gatewayId: gw.gateway.id }, data: { giveUpAt: new Date(Date.now() - 1_000) } });
    await deliverDue();
    expect(mine()).toHaveLength(0);
    for (const s of sequences)
      expect(await deliveryOf(gw.gateway.id, s)).toMatchObject({ status: "pending", attempts: 0, lastError: null });

    const { notices } = await updateGateway({ gatewayId: gw.gateway.id, enabled: true, actor: TEST_ADMIN });
    expect(notices).toEqual({ sequences, revoked: [], gatewayId: gw.gateway.id });
    for (const s of sequences) expect((await deliveryOf(gw.gateway.id, s)).giveUpAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    receiver.setMode("fail"); // a first refusal after the release is retried, not failed: the window starts at the release
    expect(await sendInOrder(notices)).toMatchObject([{ sequence: sequences[0], ok: false }]);
    expect(await deliveryOf(gw.gateway.id, sequences[0])).toMatchObject({ status: "pending", attempts: 1 });

    receiver.setMode("ok");
    receiver.received.length = 0;
    await makeDeliveryDue(gw.gateway.id, sequences[0]);
    expect((await sendInOrder(notices)).map((a) => [a.sequence, a.ok])).toEqual(sequences.map((s) => [s, true]));
    expect(mine().map((n) => JSON.parse(n.body).data.sequence)).toEqual(sequences);
  });

  it("leaves nothing behind for a deleted gateway", async () => {
    const { gw, issued } = await gatewayAndToken();
    await updateGateway({ gatewayId: gw.gateway.id, enabled: false, actor: TEST_ADMIN });
    await revokeForTest({ selector: { tokenId: issued.tokenId }, cause: "browser" });
    expect(await db.delivery.count({ where: { gatewayId: gw.gateway.id } })).toBe(1);
    await deleteGateway({ gatewayId: gw.gateway.id, actor: TEST_ADMIN });
    gateways = gateways.filter((g) => g !== gw);
    expect(await db.delivery.count({ where: { gatewayId: gw.gateway.id } })).toBe(0);
  });
});
