import { env } from "@/lib/base/env";
import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import { store } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { createTestApp, TEST_OPERATOR } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readFeed } from "./read-feed";

// Transactions that commit out of order can only happen with concurrent writers: PostgreSQL.
// SQLite has one writer at a time, so its commit order is its sequence order.
const onPostgres = engineOf(env.DATABASE_URL) === "postgresql";
const REVOCATIONS = 2_000;
const CONCURRENCY = 10;

describe.runIf(onPostgres)("the catch-up feed under concurrent revocations", () => {
  it("is a complete log: a follower paging with next_after skips no event", async () => {
    const app = await createTestApp();
    const now = Date.now();
    const ids = Array.from({ length: REVOCATIONS }, () => randomUUID());
    for (const id of ids) {
      await store().insertToken({
        ...{ id, hash: hashToken(id), prefix: "pcl_at_", last4: "feed", type: "access_token", clientId: app.clientId, subscriber: null },
        ...{ grantId: id, scope: "", createdAt: now, expiresAt: now + 3_600_000, revokedAt: null, source: "token_endpoint", note: null },
      });
    }
    let cursor = (await db.revocationEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0;
    const seen = new Set<number>();
    let writing = true;
    const follower = (async () => {
      for (;;) {
        const done = !writing; // read once more after the last commit
        const page = await readFeed({ after: cursor, limit: 100 });
        for (const e of page.events) seen.add(e.sequence);
        cursor = page.next_after;
        if (page.has_more) continue;
        if (done) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const queue = [...ids];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) {
          await commitTokenChange({ cause: "cli", tokens: { revoke: { tokenId: id } }, by: "test", actor: TEST_OPERATOR });
        }
      }),
    );
    writing = false;
    await follower;

    const committed = (await db.token.findMany({ where: { id: { in: ids } }, select: { revocationSeq: true } })).map(
      (t) => t.revocationSeq!,
    );
    const skipped = committed.filter((s) => !seen.has(s));
    console.log(`feed follower: ${committed.length} events committed, ${skipped.length} skipped`);
    expect(committed).toHaveLength(REVOCATIONS);
    expect(skipped).toEqual([]);
  });
});
