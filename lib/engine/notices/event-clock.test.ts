import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { createTestApp, createTestGateway, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterEach, describe, expect, it, vi } from "vitest";

// Instances behind a load balancer may disagree about the time; a gateway orders and times notices by
// their events' created_at, and the latency figures count from it: the database stamps them.
const SKEW_MS = 3_600_000;
afterEach(() => void vi.useRealTimers());

describe("an instance whose clock runs an hour ahead", () => {
  it("writes its events and their deliveries at the database's time, a re-send at that time plus its delay", async () => {
    const app = await createTestApp();
    const gw = await createTestGateway("http://127.0.0.1:9/portcullis/revoke"); // never answers: the deliveries stay
    try {
      const tokens = [
        await issueToken({ clientId: app.clientId, subscriber: null }),
        await issueToken({ clientId: app.clientId, subscriber: null }),
      ];
      const realNow = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: realNow + SKEW_MS });

      const { notices } = await commitTokenChange({
        cause: "cli",
        tokens: { revoke: { tokenId: tokens[0].tokenId } },
        by: "test",
        actor: TEST_OPERATOR,
      });
      const [changed] = (
        await commitTokenChange({ cause: "cli", tokens: { revoke: { tokenId: tokens[1].tokenId } }, by: "test", actor: TEST_OPERATOR })
      ).changed;
      const resend = await store().queueResend([changed], 2_000);

      const stamped = async (sequence: number) => {
        const event = await db.revocationEvent.findUniqueOrThrow({ where: { sequence } });
        const delivery = await db.delivery.findUniqueOrThrow({
          where: { eventSequence_gatewayId: { eventSequence: sequence, gatewayId: gw.gateway.id } },
        });
        expect(delivery.createdAt).toEqual(event.createdAt);
        return event.createdAt.getTime() - realNow;
      };
      const [first] = notices.sequences;
      expect(await stamped(first)).toBeLessThan(30_000);
      expect(await stamped(first)).toBeGreaterThanOrEqual(-1_000);
      const delayed = await stamped(resend.sequences[0]);
      expect(delayed).toBeGreaterThanOrEqual(2_000 - 1_000);
      expect(delayed).toBeLessThan(2_000 + 30_000);
    } finally {
      vi.useRealTimers();
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });
});
