import { db } from "@/lib/db/client";
import { store } from "@/lib/store";
import { createTestApp } from "@/lib/testing/factories";
import { prepareAccessToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";

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
