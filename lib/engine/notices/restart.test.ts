import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { createTestApp, createTestGateway, TEST_OPERATOR } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDue } from "./delivery-worker";

const exec = promisify(execFile);
let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
beforeAll(async () => void (receiver = await startNoticeReceiver()));
afterAll(() => receiver.close());

describe("durability", () => {
  it("delivers a notice whose process died right after the revocation committed", { timeout: 60_000 }, async () => {
    const gw = await createTestGateway(receiver.url);
    const app = await createTestApp();
    const issued = await issueToken({ clientId: app.clientId, subscriber: null });
    try {
      const { stdout } = await exec(
        "node_modules/.bin/tsx",
        ["lib/testing/commit-and-exit.ts", "cli", JSON.stringify({ token: issued.accessToken })],
        { env: process.env },
      );
      const [sequence] = JSON.parse(stdout).sequences as number[];
      const sent = () => receiver.received.filter((n) => JSON.parse(n.body).data.sequence === sequence);
      expect(sent()).toHaveLength(0);

      // Nothing leased it: another instance's worker (or this one after a restart) sends it on its next pass.
      await deliverDue();
      expect(sent()).toHaveLength(1);
      const delivery = await db.delivery.findUniqueOrThrow({
        where: { eventSequence_gatewayId: { eventSequence: sequence, gatewayId: gw.gateway.id } },
      });
      expect(delivery.status).toBe("delivered");
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });

  it("lets concurrent workers claim disjoint deliveries", async () => {
    const gw = await createTestGateway(receiver.url);
    const app = await createTestApp();
    try {
      const tokens = await Promise.all(Array.from({ length: 20 }, () => issueToken({ clientId: app.clientId, subscriber: null })));
      for (const t of tokens) {
        await commitTokenChange({
          cause: "cli",
          tokens: { revoke: { tokenId: t.tokenId } },
          by: "test",
          actor: TEST_OPERATOR,
        });
      }
      // Other test files' deliveries may be due too: claim room for all of them.
      const [a, b] = await Promise.all([store().claimDueDeliveries(30_000, 500), store().claimDueDeliveries(30_000, 500)]);
      const keys = [...a, ...b].filter((d) => d.gatewayId === gw.gateway.id).map((d) => d.sequence);
      expect(keys).toHaveLength(20);
      expect(new Set(keys).size).toBe(20);
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });
});
