import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { createTestApp } from "@/lib/testing/factories";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import { cliJson as json } from "./testing/run-cli";

describe("portcullis tokens revoke", () => {
  const edge = gatewayForTheseTests();

  it(
    "tells every reachable gateway before it exits, within a second of the commit, and says who acknowledged",
    { timeout: 60_000 },
    async () => {
      const app = await createTestApp();
      const issued = await issueToken({ clientId: app.clientId, subscriber: null });
      const mine = () => edge.receiver.received.filter((n) => n.body.includes(hashToken(issued.accessToken)));

      const called = Date.now();
      const out = await json("tokens", "revoke", "--token", issued.accessToken);
      const exited = Date.now();

      expect(out.revoked).toBe(1);
      // Other test files' gateways may be registered too; ours must have acknowledged.
      expect(out.notices).toContainEqual({ gateway: edge.gateway.gateway.name, sequence: expect.any(Number), acknowledged: true });
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
