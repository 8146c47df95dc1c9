import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { approveForTest, createPersonApp, makeUser, pkcePair, tokenRequest } from "@/lib/testing/factories";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as revokeGrant } from "../../account/grants/[clientId]/route";
import { POST as preview } from "./preview/route";
import { POST as reapprove } from "./reapprove/route";
import { POST as revoke } from "./revoke/route";

// The real route handlers behind a stubbed next-auth session (as in ../settings/route.test.ts).
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));
vi.mock("next/server", () => ({ after: (work: () => unknown) => void work() }));

const post = (body: unknown) =>
  new Request("http://localhost/api/admin/tokens/revoke", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const ctx = { params: Promise.resolve({}) };

async function personTokens() {
  const app = await createPersonApp();
  const person = await makeUser();
  const { verifier, challenge } = pkcePair();
  const code = await approveForTest({ app, person, challenge });
  const { body } = await tokenRequest(app, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: app.redirectUri,
  });

  return { app, person, access: String(body.access_token), refresh: String(body.refresh_token) };
}
const revoked = async (t: string) => (await db.token.findUniqueOrThrow({ where: { hash: hashToken(t) } })).revokedAt !== null;

describe("admin token routes and the person's grant route", () => {
  beforeEach(async () => {
    session.user = await makeUser("admin");
  });

  it("refuse a subscriber with 403 and change nothing", async () => {
    const { access } = await personTokens();
    session.user = await makeUser("subscriber");
    for (const handler of [revoke, reapprove, preview]) expect((await handler(post({ token: access }), ctx)).status).toBe(403);
    expect(await revoked(access)).toBe(false);
  });

  it("revoke with cascade off, re-approve, and refuse a request naming no token with a field error", async () => {
    const { access, refresh } = await personTokens();
    expect(await (await revoke(post({ token: refresh, cascade: false, reason: "test" }), ctx)).json()).toEqual({ revoked: 1 });
    expect([await revoked(access), await revoked(refresh)]).toEqual([false, true]);
    expect(await (await reapprove(post({ token: refresh }), ctx)).json()).toEqual({ reapproved: 1 });
    const bad = await revoke(post({ cascade: false }), ctx);
    expect(bad.status).toBe(422);
  });

  it("previews what revoke and re-approve would change, with and without cascade, and changes nothing", async () => {
    const { app, access, refresh } = await personTokens();
    const look = async (body: object) => (await preview(post(body), ctx)).json();

    expect(await look({ token: access })).toEqual({
      token: { id: expect.any(String), type: "access_token", state: "active", expiresAt: expect.any(String) },
      app: { name: app.app.name, clientId: app.clientId },
      covered: 2,
      revoke: 2,
      reapprove: 0,
    });
    expect(await look({ token: access, cascade: false })).toMatchObject({ covered: 1, revoke: 1, reapprove: 0 });
    expect([await revoked(access), await revoked(refresh)]).toEqual([false, false]);

    await revoke(post({ token: refresh, cascade: false }), ctx);
    expect(await look({ token: refresh })).toMatchObject({ token: { state: "revoked" }, covered: 2, revoke: 1, reapprove: 1 });
    const typo = await preview(post({ token: `${access.slice(0, -4)}typo` }), ctx);
    expect(typo.status).toBe(404);
    expect((await typo.json()).error.fields).toEqual({ token: ["No token has this value: check it was copied whole."] });
  });

  it("lets a person revoke only their own grant: another's is 404", async () => {
    const { app, person, access } = await personTokens();
    session.user = { ...(await makeUser()) };
    const params = { params: Promise.resolve({ clientId: app.clientId }) };
    const del = () => new Request(`http://localhost/api/account/grants/${app.clientId}`, { method: "DELETE" });
    expect((await revokeGrant(del(), params)).status).toBe(404);
    expect(await revoked(access)).toBe(false);
    session.user = { ...person };
    expect(await (await revokeGrant(del(), params)).json()).toEqual({ revoked: 2 });
    expect(await revoked(access)).toBe(true);
  });
});
