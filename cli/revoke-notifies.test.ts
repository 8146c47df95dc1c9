import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { createTestApp, createTestGateway } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliJson as json } from "./testing/run-cli";

describe("portcullis tokens revoke", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  let gateway: Awaited<ReturnType<typeof createTestGateway>>;
  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    gateway = await createTestGateway(receiver.url);
  });
  afterAll(async () => {
    await db.gateway.delete({ where: { id: gateway.gateway.id } });
    await receiver.close();
  });

  it(
    "tells every reachable gateway before it exits, within a second of the commit, and says who acknowledged",
    { timeout: 60_000 },
    async () => {
      const app = await createTestApp();
      const issued = await issueToken({ clientId: app.clientId, subscriber: null });
      const mine = () => receiver.received.filter((n) => n.body.includes(hashToken(issued.accessToken)));

      const called = Date.now();
      const out = await json("tokens", "revoke", "--token", issued.accessToken);
      const exited = Date.now();

      expect(out.revoked).toBe(1);
      // Other test files' gateways may be registered too; ours must have acknowledged.
      expect(out.notices).toContainEqual({ gateway: gateway.gateway.name, sequence: expect.any(Number), acknowledged: true });
      const [notice] = mine();
      expect(notice, "the notice arrived before the command exited").toBeDefined();
      const { revokedAt } = await db.token.findUniqueOrThrow({ where: { id: issued.tokenId } });
      const commitToArrival = notice.at - revokedAt!.getTime();
      console.log(
        `CLI door: call → arrival ${notice.at - called} ms, commit → arrival ${commitToArrival} ms, call → exit ${exited - called} ms`,
      );
      expect(commitToArrival).toBeLessThan(1_000);
    },
  );
});
