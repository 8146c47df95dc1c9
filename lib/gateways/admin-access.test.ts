import { createApp } from "@/lib/apps/create-app";
import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { db } from "@/lib/data/db/client";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { redeliver } from "@/lib/gateways/redeliver";
import { createTestGateway, makeUser } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "./create-gateway";
import { deleteGateway } from "./delete-gateway";
import { listAppTokenDeliveries } from "./list-app-token-deliveries";
import { listGateways } from "./list-gateways";
import { rotateGatewayClientSecret } from "./rotate-gateway-client-secret";
import { rotateSigningSecret } from "./rotate-signing-secret";
import { sendTestNotice } from "./send-test-notice";
import { updateGateway } from "./update-gateway";

const notFound = expect.objectContaining({ name: "AppError", code: "not_found" });
const forbidden = expect.objectContaining({ name: "AppError", code: "forbidden" });

// The admin API routes pass the session user as `actor`; a subscriber reaching them (403) must
// get nothing and change nothing, because every gateway verb checks the role itself.
describe("gateway verbs called by a subscriber", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  let gatewayId: string;

  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    gatewayId = (await createTestGateway(receiver.url)).gateway.id;
  });
  afterAll(async () => {
    await db.gateway.deleteMany({ where: { id: gatewayId } });
    await receiver.close();
  });

  it("are refused before anything is read or written", async () => {
    const subscriber = await makeUser("subscriber");
    const name = `sneaky-${randomUUID().slice(0, 8)}`;
    await expect(listGateways({ actor: subscriber })).rejects.toEqual(forbidden);
    await expect(createGateway({ actor: subscriber, name, revokeUrl: receiver.url })).rejects.toEqual(forbidden);
    await expect(updateGateway({ gatewayId, actor: subscriber, enabled: false })).rejects.toEqual(forbidden);
    await expect(rotateSigningSecret({ gatewayId, actor: subscriber, overlap: "none" })).rejects.toEqual(forbidden);
    await expect(rotateGatewayClientSecret({ gatewayId, actor: subscriber, overlap: "none" })).rejects.toEqual(forbidden);
    await expect(sendTestNotice({ gatewayId, actor: subscriber })).rejects.toEqual(forbidden);
    await expect(redeliver({ gatewayId, actor: subscriber })).rejects.toEqual(forbidden);
    await expect(deleteGateway({ gatewayId, actor: subscriber })).rejects.toEqual(forbidden);

    expect(await db.gateway.findUnique({ where: { name } })).toBeNull();
    expect(await db.gateway.findUnique({ where: { id: gatewayId }, select: { disabledAt: true } })).toEqual({ disabledAt: null });
    expect(await db.clientSecret.count({ where: { client: { gateway: { id: gatewayId } } } })).toBe(1); // the one it was created with
    expect(receiver.received).toHaveLength(0); // no test notice went out
  });
});

describe("a token's gateway acknowledgements", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;

  beforeAll(async () => {
    receiver = await startNoticeReceiver();
  });
  afterAll(() => receiver.close());

  it("are shown to the app's owner, and are not_found for anyone or anything else", async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    const app = await createApp({ actor: owner, name: "Deliveries app" });
    const ownersOtherApp = await createApp({ actor: owner, name: "Owner's other app" });
    const othersApp = await createApp({ actor: other, name: "Other's app" });
    const { tokenId } = await generateAppToken({ appId: app.app.id, actor: owner });
    const gw = await createTestGateway(receiver.url);
    try {
      await flushNotices((await revokeAppGrant({ appId: app.app.id, tokenId, actor: owner })).notices);
      const delivered = await eventually(async () => {
        const rows = await listAppTokenDeliveries({ appId: app.app.id, tokenId, actor: owner });
        return rows.find((d) => d.gatewayName === gw.gateway.name && d.status === "delivered");
      });
      expect(delivered).toMatchObject({ status: "delivered", attempts: 1, deliveredAt: expect.any(String), latencyMs: expect.any(Number) });

      await expect(listAppTokenDeliveries({ appId: app.app.id, tokenId, actor: other })).rejects.toEqual(notFound);
      await expect(listAppTokenDeliveries({ appId: othersApp.app.id, tokenId, actor: other })).rejects.toEqual(notFound);
      await expect(listAppTokenDeliveries({ appId: ownersOtherApp.app.id, tokenId, actor: owner })).rejects.toEqual(notFound);
      await expect(listAppTokenDeliveries({ appId: app.app.id, tokenId: "no-such-token", actor: owner })).rejects.toEqual(notFound);
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });
});
