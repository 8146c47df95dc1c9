import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { createTestApp, createTestGateway, oauth, revokeForTest } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";

const feed = (query: string, basic?: [string, string]) =>
  oauth.revocations(
    new Request(`http://localhost/oauth2/revocations${query}`, {
      headers: basic ? { authorization: `Basic ${Buffer.from(basic.join(":")).toString("base64")}` } : {},
    }),
  );

describe("GET /oauth2/revocations — the gateways' catch-up feed", () => {
  it("pages through revocations after a sequence, in order, listing only tokens not yet expired", async () => {
    const gw = await createTestGateway("http://127.0.0.1:9/unused");
    await db.gateway.update({ where: { id: gw.gateway.id }, data: { disabledAt: new Date() } }); // no deliveries needed
    const creds: [string, string] = [gw.clientId, gw.clientSecret];
    const after = (await db.revocationEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0; // other tests' events come before

    const app = await createTestApp();
    const live = await Promise.all([1, 2, 3].map(() => issueToken({ clientId: app.clientId, subscriber: null })));
    const expired = await issueToken({ clientId: app.clientId, subscriber: null, now: Date.now() - 7_200_000 });
    for (const t of [...live, expired]) await revokeForTest({ selector: { tokenId: t.tokenId }, cause: "cli" });

    const seen: string[] = [];
    let cursor = after;
    for (let page = 0; page < 10; page++) {
      const res = await feed(`?after=${cursor}&limit=2`, creds);
      expect(res.status).toBe(200);
      const body = await res.json();
      for (const e of body.events) {
        expect(e.sequence).toBeGreaterThan(cursor);
        seen.push(...e.tokens.map((t: { token_hash: string }) => t.token_hash));
      }
      cursor = body.next_after;
      if (!body.has_more) break;
    }
    expect(seen).toEqual(expect.arrayContaining(live.map((t) => hashToken(t.accessToken))));
    expect(seen).not.toContain(hashToken(expired.accessToken));
  });

  it("refuses bad credentials (401), applications' clients (403) and bad cursors (400)", async () => {
    const gw = await createTestGateway("http://127.0.0.1:9/unused");
    await db.gateway.update({ where: { id: gw.gateway.id }, data: { disabledAt: new Date() } });
    const app = await createTestApp();
    expect((await feed("?after=0", [gw.clientId, "wrong"])).status).toBe(401);
    expect((await feed("?after=0")).status).toBe(401);
    expect((await feed("?after=0", [app.clientId, app.clientSecret])).status).toBe(403);
    for (const bad of ["?after=-1", "?after=abc", "?after=1.5", "?limit=0", "?limit=501", "?after=1&after=2"]) {
      const res = await feed(bad, [gw.clientId, gw.clientSecret]);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error).toBe("invalid_request");
    }
  });
});
