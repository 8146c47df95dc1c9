import { db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { env } from "@/lib/env";
import { store } from "@/lib/store";
import { createTestApp } from "@/lib/testing/factories";
import { issueToken, prepareAccessToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import type { TokenChange } from "./types";

describe("group commit of token inserts", () => {
  it("stores every token of a concurrent burst, and fails only the request whose row cannot be written", async () => {
    const app = await createTestApp();
    const prepared = await Promise.all(Array.from({ length: 200 }, () => prepareAccessToken({ clientId: app.clientId, subscriber: null })));
    const rows = prepared.map((p) => p.row);
    const duplicate = { ...rows[0], hash: `${rows[0].hash.slice(0, -1)}x` }; // same id: the primary key refuses it

    const results = await Promise.allSettled([...rows, duplicate].map((row) => store().insertToken(row)));

    expect(results.slice(0, 200).every((r) => r.status === "fulfilled")).toBe(true);
    expect(results[200].status).toBe("rejected");
    expect(await db.token.count({ where: { clientId: app.clientId } })).toBe(200);
  });

  it("answers only after the row is readable: a token is introspectable as soon as its issuance resolves", async () => {
    const app = await createTestApp();
    const { row } = await prepareAccessToken({ clientId: app.clientId, subscriber: null });
    await store().insertToken(row);

    expect(await store().findTokenByHash(row.hash)).toMatchObject({ id: row.id, revokedAt: null });
  });
});

describe("group commit of token changes", () => {
  const revoking = (tokenId: string, audit: TokenChange["audit"] = () => []): TokenChange => ({
    cause: "cli",
    at: Date.now(),
    by: "test",
    tokens: { revoke: { tokenId } },
    audit,
  });

  it("commits a burst of revocations in a few transactions, each answered with its own tokens", async () => {
    const app = await createTestApp();
    const tokens = await Promise.all(Array.from({ length: 100 }, () => issueToken({ clientId: app.clientId, subscriber: null })));

    const results = await Promise.all(tokens.map((t) => store().commitTokenChange(revoking(t.tokenId))));

    expect(results.map((r) => r.changed.map((c) => c.id))).toEqual(tokens.map((t) => [t.tokenId]));
    expect(await db.token.count({ where: { clientId: app.clientId, revokedAt: { not: null } } })).toBe(100);
    if (engineOf(env.DATABASE_URL) === "postgresql") {
      // Rows written by one transaction share its id (xmin): the burst took far fewer commits than changes.
      const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(DISTINCT xmin::text) AS n FROM tokens
        WHERE client_id = ${app.clientId} AND revoked_at IS NOT NULL`;
      expect(Number(n)).toBeLessThan(10);
    }
  });

  it("fails only the change that throws inside the shared transaction; the others commit", async () => {
    const app = await createTestApp();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => issueToken({ clientId: app.clientId, subscriber: null })));
    const failing = revoking(tokens[0].tokenId, () => {
      throw new Error("this change fails inside its transaction");
    });

    const results = await Promise.allSettled(
      [failing, ...tokens.slice(1).map((t) => revoking(t.tokenId))].map((c) => store().commitTokenChange(c)),
    );

    expect(results.map((r) => r.status)).toEqual(["rejected", ...Array(9).fill("fulfilled")]);
    expect(await db.token.count({ where: { clientId: app.clientId, revokedAt: { not: null } } })).toBe(9);
    expect((await db.token.findUniqueOrThrow({ where: { id: tokens[0].tokenId } })).revokedAt).toBeNull();
  });
});
