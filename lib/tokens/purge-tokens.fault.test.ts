import { db } from "@/lib/data/db/client";
import { at, coldExecute } from "@/lib/data/db/cold-sql";
import { systemActor } from "@/lib/engine/identity/actor.shared";
import { createTestApp } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { purgeTokens } from "./purge-tokens";

const DAY = 86_400_000;

/** `count` tokens of one client that expired long ago, inserted in one statement. */
async function seedExpired(clientId: string, count: number) {
  const run = randomUUID().slice(0, 8);
  const long = at(Date.now() - 30 * DAY);
  await coldExecute(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
     INSERT INTO tokens (id, hash, prefix, last4, type, client_id, grant_id, scope, created_at, expires_at)
     SELECT 'purge-${run}-' || i, 'purge-${run}-' || i, 'pcl_at_', 'xxxx', 'access_token', ?, 'purge-${run}-' || i, '', :ts, :ts FROM n`,
    clientId,
    long,
    long,
  );
}

describe("the purge under contention", () => {
  it("runs once at a time across callers, and runs until nothing is left", async () => {
    const app = await createTestApp();
    await seedExpired(app.clientId, 30_000);

    const [a, b] = await Promise.all([
      purgeTokens({ actor: systemActor("purge"), batchSize: 2_000 }),
      purgeTokens({ actor: systemActor("purge"), batchSize: 2_000 }),
    ]);
    console.log(`concurrent purges: ${JSON.stringify({ a, b })}`);
    expect([a.ranElsewhere, b.ranElsewhere].sort()).toEqual([false, true]);
    expect(a.deletedTokens + b.deletedTokens).toBeGreaterThanOrEqual(30_000);
    expect(await db.token.count({ where: { clientId: app.clientId } })).toBe(0);

    const after = await purgeTokens({ actor: systemActor("purge") }); // the lease was released
    expect(after.ranElsewhere).toBe(false);
  });
});
