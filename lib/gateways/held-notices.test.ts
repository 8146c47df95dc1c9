import { sendInOrder } from "@/lib/engine/notices/send-in-order";
import { createTestApp, createTestGateway, revokeForTest, TEST_ADMIN } from "@/lib/testing/factories";
import { freePort, startGatewayProcess } from "@/lib/testing/gateway-process";
import { startFront } from "@/lib/testing/http/raw-http";
import { issueToken } from "@/lib/tokens/issue-token";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteGateway } from "./delete-gateway";
import { updateGateway } from "./update-gateway";

// Real processes, real HTTP: the key manager's front in this process, the reference gateway in its own.
let front: Awaited<ReturnType<typeof startFront>>;
let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
beforeAll(async () => {
  [front, upstream] = await Promise.all([startFront(), startEchoUpstream()]);
});
afterAll(async () => {
  await Promise.all([front.close(), upstream.close()]);
});

describe("notices held for a disabled gateway", () => {
  it(
    "reach it when it is enabled again: disable → revoke → enable, and the gateway refuses the token within 1 s",
    { timeout: 60_000 },
    async () => {
      const port = await freePort();
      const registered = await createTestGateway(`http://127.0.0.1:${port}/portcullis/revoke`);
      const gateway = await startGatewayProcess({
        port,
        keyManager: `http://127.0.0.1:${front.port}`,
        upstream: upstream.url,
        creds: registered,
        extra: ["--quiet"],
      });
      try {
        const app = await createTestApp();
        const { accessToken, tokenId } = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
        expect((await gateway.call(accessToken)).status).toBe(200); // introspected and cached for 300 s

        await updateGateway({ gatewayId: registered.gateway.id, enabled: false, actor: TEST_ADMIN });
        await revokeForTest({ selector: { tokenId } });
        expect((await gateway.call(accessToken)).status).toBe(200); // it heard nothing: its cache still admits

        const enabledAt = Date.now();
        const { notices } = await updateGateway({ gatewayId: registered.gateway.id, enabled: true, actor: TEST_ADMIN });
        expect(notices.sequences.length).toBeGreaterThan(0); // the revocation, and its race re-send if that has run
        void sendInOrder(notices); // as the door does, once its answer is on the way
        while ((await gateway.call(accessToken)).status !== 401 && Date.now() - enabledAt < 5_000);
        expect(Date.now() - enabledAt).toBeLessThan(1_000);
        expect((await gateway.call(accessToken)).status).toBe(401);
      } finally {
        await gateway.kill();
        await deleteGateway({ gatewayId: registered.gateway.id, actor: TEST_ADMIN });
      }
    },
  );
});
