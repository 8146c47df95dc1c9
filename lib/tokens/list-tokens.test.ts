import { createApp } from "@/lib/apps/create-app";
import { revokeSelectedTokens } from "@/lib/apps/revoke-selected-tokens";
import { db } from "@/lib/data/db/client";
import { makeUser, TEST_OPERATOR } from "@/lib/testing/factories";
import { listAppTokens } from "@/lib/tokens/list-app-tokens";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateAppToken } from "./generate-app-token";
import { listTokens } from "./list-tokens";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const HOUR = 3_600_000;

/** `count` tokens one second apart; every 5th revoked, every 7th (not revoked) expired. */
async function seedTokens(clientId: string, count: number) {
  const rows = Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(NOW - (count - i) * 1000);
    return {
      id: randomUUID(),
      hash: randomUUID(),
      prefix: "pcl_at_",
      last4: String(i).padStart(4, "0"),
      type: i % 10 === 9 ? "refresh_token" : "access_token",
      clientId,
      grantId: randomUUID(),
      createdAt,
      expiresAt: new Date(i % 7 === 6 ? NOW - 1000 : createdAt.getTime() + HOUR),
      revokedAt: i % 5 === 4 ? new Date(NOW - 500) : null,
    };
  });
  await db.token.createMany({ data: rows });

  return rows;
}

describe("listTokens", () => {
  it("pages through 232 tokens newest first with a total, never skipping or repeating one", async () => {
    const owner = await makeUser();
    const { app, clientId } = await createApp({ actor: owner, name: "Many tokens" });
    const rows = await seedTokens(clientId, 232);
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listAppTokens({ appId: app.id, actor: owner, cursor, limit: 100, now: NOW });
      expect(page.total).toBe(232);
      sizes.push(page.tokens.length);
      seen.push(...page.tokens.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(sizes).toEqual([100, 100, 32]);
    expect(seen).toEqual([...rows].reverse().map((r) => r.id));
  });

  it("filters by state, type, last 4 and dates, sorts by expiry, and counts what matches", async () => {
    const owner = await makeUser();
    const { clientId } = await createApp({ actor: owner, name: "Filtered" });
    const rows = await seedTokens(clientId, 40);
    const list = (q: Omit<Parameters<typeof listTokens>[0], "actor">) => listTokens({ ...q, actor: owner, now: NOW });

    const revoked = await list({ clientId, state: "revoked" });
    expect(revoked.total).toBe(rows.filter((r) => r.revokedAt).length);
    expect(revoked.tokens.every((t) => t.status === "revoked")).toBe(true);
    const expired = await list({ clientId, state: "expired" });
    expect(expired.tokens.every((t) => t.status === "expired")).toBe(true);
    expect(expired.total).toBe(rows.filter((r) => !r.revokedAt && r.expiresAt.getTime() <= NOW).length);
    const active = await list({ clientId, state: "active", type: "access_token" });
    expect(active.tokens.every((t) => t.status === "active" && t.type === "access_token")).toBe(true);
    expect((await list({ clientId, q: "0013" })).tokens.map((t) => t.last4)).toEqual(["0013"]);
    expect((await list({ clientId, createdFrom: "2026-11-02" })).total).toBe(0);
    expect((await list({ clientId, createdFrom: "2026-11-01", createdTo: "2026-11-01" })).total).toBe(40);
    const byExpiry = await list({ clientId, sort: "expires_asc", limit: 5 });
    const expiries = byExpiry.tokens.map((t) => t.expiresAt);
    expect(expiries).toEqual([...expiries].sort());
    const next = await list({ clientId, sort: "expires_asc", limit: 5, cursor: byExpiry.nextCursor! });
    expect(next.tokens[0].expiresAt >= expiries[4]).toBe(true);
    expect(next.tokens.map((t) => t.id)).not.toContain(byExpiry.tokens[4].id);
  });

  it("refuses a cursor it did not write and a bad filter with field errors", async () => {
    const owner = await makeUser();
    const { clientId } = await createApp({ actor: owner, name: "Bad input" });
    await expect(listTokens({ clientId, actor: owner, cursor: "garbage" })).rejects.toMatchObject({
      code: "bad_request",
      fields: { cursor: expect.any(Array) },
    });
    await expect(listTokens({ clientId, actor: owner, limit: 5000 })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("says where each token came from, with the note typed for it in the portal, from the token alone", async () => {
    const owner = await makeUser();
    const { app, clientId } = await createApp({ actor: owner, name: "Origins" });
    const browser = await generateAppToken({ appId: app.id, actor: owner, note: "staging smoke tests" });
    const cli = await generateAppToken({ appId: app.id, actor: TEST_OPERATOR });
    await seedTokens(clientId, 1);
    await db.auditEvent.deleteMany({ where: { appId: app.id } }); // the list does not read the audit trail
    const { tokens } = await listTokens({ clientId, actor: owner });

    expect(tokens).toHaveLength(3);
    expect(tokens.find((t) => t.id === browser.tokenId)).toMatchObject({ source: "browser", note: "staging smoke tests" });
    expect(tokens.find((t) => t.id === cli.tokenId)).toMatchObject({ source: "cli", note: null });
    expect(tokens.find((t) => t.id !== browser.tokenId && t.id !== cli.tokenId)).toMatchObject({ source: "token_endpoint", note: null });
  });
});

describe("revokeSelectedTokens", () => {
  it("revokes the selected tokens of the user's app, and refuses ids of another app without revoking anything", async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    const { app, clientId } = await createApp({ actor: owner, name: "Bulk" });
    const theirs = await createApp({ actor: other, name: "Not yours" });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => generateAppToken({ appId: app.id, actor: owner })));
    const foreign = await generateAppToken({ appId: theirs.app.id, actor: other });

    await expect(revokeSelectedTokens({ appId: app.id, tokenIds: [a.tokenId, foreign.tokenId], actor: owner })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listTokens({ clientId, actor: owner, state: "revoked" })).total).toBe(0);

    expect(await revokeSelectedTokens({ appId: app.id, tokenIds: [a.tokenId, b.tokenId], actor: owner })).toMatchObject({ revoked: 2 });
    const states = new Map((await listTokens({ clientId, actor: owner })).tokens.map((t) => [t.id, t.status]));
    expect([states.get(a.tokenId), states.get(b.tokenId), states.get(c.tokenId)]).toEqual(["revoked", "revoked", "active"]);
    expect((await listTokens({ clientId: theirs.clientId, actor: other, state: "active" })).total).toBe(1);
  });
});
