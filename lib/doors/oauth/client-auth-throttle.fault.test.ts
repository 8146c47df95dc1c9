import { env } from "@/lib/base/env";
import { engineOf } from "@/lib/data/db/engine";
import { createTestApp } from "@/lib/testing/factories";
import { startPortal, type PortalProcess } from "@/lib/testing/start-portal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Two portal processes on one PostgreSQL database count failed client authentications together
// (RFC 7662 §4): a guesser spreading its attempts over the instances behind a load balancer gets no
// more of them. SQLite is one server; its workers share the count (lib/doors/cluster/workers.fault.test.ts).
const onPostgres = engineOf(env.DATABASE_URL) === "postgresql";

describe.runIf(onPostgres)("the client authentication throttle across instances", () => {
  let a: PortalProcess, b: PortalProcess;
  beforeAll(async () => {
    a = await startPortal(); // first and alone: it seeds the admin
    b = await startPortal();
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a, b].map((p) => p?.kill()));
  });

  it("20 failures alternating between the instances: the next guess at either is refused with 429, then the right secret", async () => {
    const gateway = await createTestApp({ kind: "gateway" });
    const introspect = (portal: PortalProcess, secret: string) =>
      fetch(`${portal.url}/oauth2/introspect`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${gateway.clientId}:${secret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ token: "pcl_at_unknown" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await introspect(i % 2 ? a : b, `wrong-${i}`)).status);
    expect(statuses).toEqual(Array(20).fill(401)); // each instance saw ten

    // The next guess at either is past the shared count; from then on each refuses the right secret too.
    for (const portal of [a, b]) expect((await introspect(portal, "wrong-again")).status).toBe(429);
    for (const portal of [a, b]) {
      const res = await introspect(portal, gateway.clientSecret);
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: string }).error).toBe("invalid_client");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});
