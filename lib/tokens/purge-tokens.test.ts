import { db } from "@/lib/data/db/client";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { createTestApp, revokeForTest, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import { purgeTokens } from "./purge-tokens";

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe("purgeTokens", () => {
  it("keeps active tokens and tokens still owed to the feed, deletes the rest, in batches", async () => {
    const app = await createTestApp();
    const now = Date.now();
    const issue = (at: number) => issueToken({ clientId: app.clientId, subscriber: null, now: at }); // lives 1 h
    const active = await issue(now);
    for (const daysAgo of [5, 5, 4]) await issue(now - daysAgo * DAY); // expired long ago: purged
    const expiredRecently = await issue(now - DAY);
    const revokedButLive = await issue(now);
    const revokedAndExpired = await issue(now - 4 * DAY);
    await revokeForTest({ selector: { tokenId: revokedButLive.tokenId }, cause: "cli", now: now - 4 * DAY });
    await revokeForTest({ selector: { tokenId: revokedAndExpired.tokenId }, cause: "cli", now: now - 4 * DAY + HOUR / 2 });

    const dry = await purgeTokens({ dryRun: true, actor: TEST_OPERATOR, now });
    expect(dry.deletedTokens).toBeGreaterThanOrEqual(4);
    expect(await db.token.count({ where: { clientId: app.clientId } })).toBe(7); // a dry run deletes nothing

    const result = await purgeTokens({ actor: TEST_OPERATOR, batchSize: 2, now });
    expect(result.deletedTokens).toBeGreaterThanOrEqual(4);
    const left = new Set((await db.token.findMany({ where: { clientId: app.clientId }, select: { id: true } })).map((t) => t.id));
    expect(left).toEqual(new Set([active.tokenId, expiredRecently.tokenId, revokedButLive.tokenId]));
    expect(await db.purgeRun.findFirst({ where: { trigger: "cli", dryRun: false }, orderBy: { startedAt: "desc" } })).toMatchObject({
      deletedTokens: result.deletedTokens,
    });
  });

  it("deletes revocation events only once every token in them has expired past the grace period", async () => {
    const app = await createTestApp();
    const now = Date.now();
    const old = await issueToken({ clientId: app.clientId, subscriber: null, now: now - 5 * DAY });
    const live = await issueToken({ clientId: app.clientId, subscriber: null, now });
    const revoke = (tokenId: string, at: number) =>
      commitTokenChange({ cause: "cli", tokens: { revoke: { tokenId } }, by: "test", actor: TEST_OPERATOR, now: at });
    await revoke(old.tokenId, now - 5 * DAY + 1);
    await revoke(live.tokenId, now);
    const eventOf = async (tokenId: string) => (await db.token.findUniqueOrThrow({ where: { id: tokenId } })).revocationSeq!;
    const [oldEvent, liveEvent] = [await eventOf(old.tokenId), await eventOf(live.tokenId)];

    await purgeTokens({ actor: TEST_OPERATOR, now });
    expect(await db.revocationEvent.findUnique({ where: { sequence: oldEvent } })).toBeNull();
    expect(await db.revocationEvent.findUnique({ where: { sequence: liveEvent } })).not.toBeNull();
  });
});
