import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { introspectCached } from "@/lib/engine/validation-cache/introspect-cached";
import { createTestApp, createTestGateway, revokeForTest } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
beforeAll(async () => {
  receiver = await startNoticeReceiver();
  process.env.PORTCULLIS_RACE_RESEND_MS = "200";
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
      const caller = (await store().findClient(gw.clientId))!;
      expect(await introspectCached({ caller, token: raced.accessToken, issuer: "test" })).toMatchObject({ active: true });

      for (const t of [raced, quiet]) await revokeForTest({ selector: { tokenId: t.tokenId }, cause: "browser" });
      const about = (t: { accessToken: string }) => () => receiver.received.filter((n) => n.body.includes(hashToken(t.accessToken)));
      const notices = await eventually(() => about(raced)().length === 2 && about(raced)());
      expect(notices).toHaveLength(2);
      const [first, second] = notices || [];
      expect(second.headers["webhook-id"]).not.toBe(first.headers["webhook-id"]);
      expect(JSON.parse(second.body).data.sequence).toBeGreaterThan(JSON.parse(first.body).data.sequence);
      await new Promise((r) => setTimeout(r, 400));
      expect(about(quiet)()).toHaveLength(1); // not introspected: announced once
      expect(about(raced)()).toHaveLength(2); // announced once more, not again and again
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });
});
