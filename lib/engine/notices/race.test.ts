import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { introspectCached } from "@/lib/engine/validation-cache/introspect-cached";
import { createTestApp, createTestGateway, revokeForTest } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const RESEND_MS = 500;
let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
beforeAll(async () => {
  receiver = await startNoticeReceiver();
  process.env.PORTCULLIS_RACE_RESEND_MS = String(RESEND_MS);
});
afterAll(async () => {
  delete process.env.PORTCULLIS_RACE_RESEND_MS;
  await receiver.close();
});

describe("the in-flight race", () => {
  it("announces a token introspected just before its revocation once more, as a new event", async () => {
    const gw = await createTestGateway(receiver.url);
    try {
      const app = await createTestApp();
      const raced = await issueToken({ clientId: app.clientId, subscriber: null });
      const quiet = await issueToken({ clientId: app.clientId, subscriber: null });
      const later = await issueToken({ clientId: app.clientId, subscriber: null });
      const caller = (await store().findClient(gw.clientId))!;
      expect(await introspectCached({ caller, token: raced.accessToken, issuer: "test" })).toMatchObject({ active: true });

      for (const t of [raced, quiet]) await revokeForTest({ selector: { tokenId: t.tokenId }, cause: "browser" });
      // Once the re-send is queued (within 100 ms), the gateway acknowledges another notice.
      await new Promise((r) => setTimeout(r, 150));
      await revokeForTest({ selector: { tokenId: later.tokenId }, cause: "browser" });
      const about = (t: { accessToken: string }) => () => receiver.received.filter((n) => n.body.includes(hashToken(t.accessToken)));
      const notices = await eventually(() => about(raced)().length === 2 && about(raced)());
      expect(notices).toHaveLength(2);
      const [first, second] = notices || [];
      expect(second.headers["webhook-id"]).not.toBe(first.headers["webhook-id"]);
      expect(JSON.parse(second.body).data.sequence).toBeGreaterThan(JSON.parse(first.body).data.sequence);
      // Its delay holds although the gateway acknowledged the first meanwhile (an acknowledgement pulls
      // forward only what backed off after a failure): it is there for an introspection still in flight.
      expect(second.at - first.at).toBeGreaterThanOrEqual(RESEND_MS * 0.8);
      await new Promise((r) => setTimeout(r, 2 * RESEND_MS));
      expect(about(quiet)()).toHaveLength(1); // not introspected: announced once
      expect(about(raced)()).toHaveLength(2); // announced once more, not again and again
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });
});
