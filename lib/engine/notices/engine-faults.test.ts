import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { updateGateway } from "@/lib/gateways/update-gateway";
import { createTestApp, createTestGateway, makeDeliveryDue, revokeForTest, TEST_ADMIN } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliverDue } from "./delivery-worker";
import { sendDeliveries } from "./send-deliveries";

// The delivery engine under faults (one process; the multi-instance cases run against real servers elsewhere).

let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
let gateways: string[] = [];
beforeAll(async () => void (receiver = await startNoticeReceiver()));
afterAll(() => receiver.close());
afterEach(async () => {
  await db.gateway.deleteMany({ where: { id: { in: gateways } } });
  gateways = [];
  receiver.setMode("ok");
});

async function gatewayAndTokens(count: number) {
  const gw = await createTestGateway(receiver.url);
  gateways.push(gw.gateway.id);
  const app = await createTestApp();
  const tokens = [];
  for (let i = 0; i < count; i++) tokens.push(await issueToken({ clientId: app.clientId, subscriber: null }));

  return { gw, tokens };
}
const deliveryOf = async (gatewayId: string, tokenId: string) => {
  const { revocationSeq } = await db.token.findUniqueOrThrow({ where: { id: tokenId } });
  return db.delivery.findUniqueOrThrow({ where: { eventSequence_gatewayId: { eventSequence: revocationSeq!, gatewayId } } });
};
const postsFor = (sequence: number) => receiver.received.filter((n) => JSON.parse(n.body).data?.sequence === sequence);

describe("the delivery engine under faults", () => {
  it("sends a disabled gateway nothing, holds its notices, and sends them once it is enabled again", async () => {
    const { gw, tokens } = await gatewayAndTokens(1);
    receiver.setMode("fail");
    await revokeForTest({ selector: { tokenId: tokens[0].tokenId } });
    const failed = await deliveryOf(gw.gateway.id, tokens[0].tokenId);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });

    await updateGateway({ gatewayId: gw.gateway.id, enabled: false, actor: TEST_ADMIN });
    receiver.setMode("ok");
    const before = postsFor(failed.eventSequence).length;
    await makeDeliveryDue(gw.gateway.id, failed.eventSequence);
    await deliverDue();
    expect(postsFor(failed.eventSequence)).toHaveLength(before);
    expect(await deliveryOf(gw.gateway.id, tokens[0].tokenId)).toMatchObject({ status: "pending", attempts: 1 });

    await updateGateway({ gatewayId: gw.gateway.id, enabled: true, actor: TEST_ADMIN });
    await deliverDue();
    expect(await deliveryOf(gw.gateway.id, tokens[0].tokenId)).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("sends a returning gateway its backed-off notices as soon as it acknowledges again", async () => {
    const { gw, tokens } = await gatewayAndTokens(2);
    receiver.setMode("fail");
    await revokeForTest({ selector: { tokenId: tokens[0].tokenId } });
    const waiting = await deliveryOf(gw.gateway.id, tokens[0].tokenId);
    // As after minutes of refusals: the next retry is far away.
    const key = { eventSequence_gatewayId: { eventSequence: waiting.eventSequence, gatewayId: gw.gateway.id } };
    await db.delivery.update({ where: key, data: { nextAttemptAt: new Date(Date.now() + 10 * 60_000) } });

    receiver.setMode("ok");
    await revokeForTest({ selector: { tokenId: tokens[1].tokenId } }); // acknowledged at once
    expect((await db.delivery.findUniqueOrThrow({ where: key })).nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    await deliverDue();
    expect(await db.delivery.findUniqueOrThrow({ where: key })).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("records an attempt only while its sender still holds the lease: a slow holder never overwrites a delivery", async () => {
    const { gw, tokens } = await gatewayAndTokens(1);
    receiver.setMode("fail");
    await revokeForTest({ selector: { tokenId: tokens[0].tokenId } });
    const { eventSequence } = await deliveryOf(gw.gateway.id, tokens[0].tokenId);

    await makeDeliveryDue(gw.gateway.id, eventSequence);
    const slow = (await store().claimDueDeliveries(0, 500)).find((d) => d.sequence === eventSequence)!; // a lease that lapses at once
    await new Promise((r) => setTimeout(r, 5));
    const fast = (await store().claimDueDeliveries(30_000, 500)).find((d) => d.sequence === eventSequence)!;
    expect(fast.leaseUntil).not.toBe(slow.leaseUntil);
    const outcome = { sequence: eventSequence, gatewayId: gw.gateway.id, attempts: 2, retryInMs: 40_000 };
    await store().recordAttempts([{ ...outcome, ok: true, httpStatus: 204, error: null, leaseUntil: fast.leaseUntil }]);
    await store().recordAttempts([{ ...outcome, ok: false, httpStatus: null, error: "late", leaseUntil: slow.leaseUntil }]);

    expect(await deliveryOf(gw.gateway.id, tokens[0].tokenId)).toMatchObject({ status: "delivered", lastStatus: 204, lastError: null });
  });

  it("leaves alone a delivery whose lease would lapse before its attempt could finish", async () => {
    const { gw, tokens } = await gatewayAndTokens(1);
    receiver.setMode("fail");
    await revokeForTest({ selector: { tokenId: tokens[0].tokenId } });
    const { eventSequence } = await deliveryOf(gw.gateway.id, tokens[0].tokenId);
    await makeDeliveryDue(gw.gateway.id, eventSequence);
    const [claimed] = (await store().claimDueDeliveries(30_000, 500)).filter((d) => d.sequence === eventSequence);
    const sent = postsFor(eventSequence).length;

    expect(await sendDeliveries([{ ...claimed, sendBy: Date.now() + 1_000 }])).toEqual([]); // a 5 s attempt cannot fit
    expect(postsFor(eventSequence)).toHaveLength(sent);
  });
});
