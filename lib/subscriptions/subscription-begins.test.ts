import { personActor } from "@/lib/engine/identity/actor.shared";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { deleteGateway } from "@/lib/gateways/delete-gateway";
import { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { freePort, startGatewayProcess } from "@/lib/testing/gateway-process";
import { startFront } from "@/lib/testing/http/raw-http";
import { issueToken } from "@/lib/tokens/issue-token";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeSubscription } from "./change-subscription";
import { subscribe } from "./subscribe";

// Real processes, real HTTP: the key manager's front in this process, the reference gateway in its own. The
// gateway caches a refusal for 5 s; a subscription that begins must not wait that out.
let front: Awaited<ReturnType<typeof startFront>>;
let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
beforeAll(async () => {
  [front, upstream] = await Promise.all([startFront(), startEchoUpstream()]);
});
afterAll(async () => {
  await Promise.all([front.close(), upstream.close()]);
});

describe("a subscription that begins, at a reference gateway", () => {
  it(
    "admits the new subscriber within 1 s of subscribing, an approval and an unblock, though it had cached the refusal",
    { timeout: 60_000 },
    async () => {
      const open = await createTestApi();
      const reviewed = await createTestApi({ approval: true });
      const port = await freePort();
      const registered = await createTestGateway(`http://127.0.0.1:${port}/portcullis/revoke`);
      const routes = [open, reviewed].flatMap(({ ref }) => ["--api", `${ref.context}:v1=${upstream.url}`]);
      const gateway = await startGatewayProcess({
        port,
        keyManager: `http://127.0.0.1:${front.port}`,
        upstream: upstream.url,
        creds: registered,
        extra: ["--quiet", ...routes],
      });
      try {
        const { user, app, clientId } = await createTestApp();
        const { accessToken } = await issueToken({ clientId, subscriber: user.id });
        const owner = personActor({ id: user.id, email: user.email, role: "subscriber" });
        const call = async (api: typeof open) => (await gateway.call(accessToken, `${api.ref.context}/v1/forecast`)).status;
        /** Refused, and the refusal cached: a second call asks the key manager nothing. */
        const refusedAndCached = async (api: typeof open) => {
          expect(await call(api)).toBe(401);
          const { introspections } = await gateway.stats();
          expect(await call(api)).toBe(401);
          expect((await gateway.stats()).introspections).toBe(introspections);
        };
        /** Flushes as the door does, once the verb has committed; then the milliseconds to the first call admitted. */
        const admittedAfter = async (commit: Promise<{ notices: Parameters<typeof flushNotices>[0] }>, api: typeof open) => {
          const { notices } = await commit;
          const committedAt = Date.now();
          void flushNotices(notices);
          while ((await call(api)) !== 200 && Date.now() - committedAt < 6_000) await new Promise((r) => setTimeout(r, 10));

          return Date.now() - committedAt;
        };

        await refusedAndCached(open);
        const subscribed = subscribe({ actor: owner, appId: app!.id, apiId: open.api.id, tier: open.gold.name });
        expect(await admittedAfter(subscribed, open)).toBeLessThan(1_000);

        const pending = await subscribe({ actor: owner, appId: app!.id, apiId: reviewed.api.id, tier: reviewed.gold.name });
        expect(pending.status).toBe("pending");
        await refusedAndCached(reviewed);
        const approve = () => changeSubscription({ where: { id: pending.id }, action: { kind: "approve" }, actor: TEST_ADMIN });
        expect(await admittedAfter(approve(), reviewed)).toBeLessThan(1_000);

        const blocked = await changeSubscription({ where: { id: pending.id }, action: { kind: "block", reason: "x" }, actor: TEST_ADMIN });
        await flushNotices(blocked.notices);
        await refusedAndCached(reviewed);
        expect(await admittedAfter(approve(), reviewed)).toBeLessThan(1_000); // the unblock
        expect(await call(open)).toBe(200); // the other API's answer was not touched
      } finally {
        await gateway.kill();
        await deleteGateway({ gatewayId: registered.gateway.id, actor: TEST_ADMIN });
      }
    },
  );
});
