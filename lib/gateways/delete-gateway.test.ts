import { createApp } from "@/lib/apps/create-app";
import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { env } from "@/lib/base/env";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import { createTestGateway, makeUser } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// SQLite has one writer at a time; on PostgreSQL a gateway's deletion and a revocation can overlap.
describe.runIf(engineOf(env.DATABASE_URL) === "postgresql")("a gateway deleted while a revocation commits", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  let deleter: pg.Client;

  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    deleter = new pg.Client({ connectionString: env.DATABASE_URL });
    await deleter.connect();
  });
  afterAll(async () => {
    await deleter.end();
    await receiver.close();
  });

  it("does not fail the revocation: the deleted gateway is owed nothing, the others get their notice", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: owner, name: "Revoked while a gateway goes" });
    const { tokenId } = await generateAppToken({ appId: app.id, actor: owner });
    const [leaving, staying] = [await createTestGateway(receiver.url), await createTestGateway(receiver.url)];
    try {
      await deleter.query("BEGIN");
      await deleter.query("DELETE FROM gateways WHERE id = $1", [leaving.gateway.id]);
      const revocation = revokeAppGrant({ appId: app.id, tokenId, actor: owner });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the revocation reaches the gateways while the delete is open
      await deleter.query("COMMIT");

      const { notices } = await revocation;
      expect(notices.sequences).toHaveLength(1);
      const owed = await db.delivery.findMany({ where: { eventSequence: notices.sequences[0] }, select: { gatewayId: true } });
      expect(owed.map((d) => d.gatewayId)).toContain(staying.gateway.id);
      expect(owed.map((d) => d.gatewayId)).not.toContain(leaving.gateway.id);
      expect(await db.token.findUnique({ where: { id: tokenId }, select: { revokedAt: true } })).toEqual({ revokedAt: expect.any(Date) });
    } finally {
      await deleter.query("ROLLBACK").catch(() => {}); // only if the test failed before its COMMIT
      await db.gateway.deleteMany({ where: { id: { in: [leaving.gateway.id, staying.gateway.id] } } });
    }
  });
});
