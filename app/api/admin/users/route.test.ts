import { db } from "@/lib/data/db/client";
import { createTestApp, makeUser } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listApps } from "../apps/route";
import { POST as preview } from "../tokens/bulk-revoke/preview/route";
import { POST as bulkRevoke } from "../tokens/bulk-revoke/route";
import { GET as searchTokens } from "../tokens/route";
import { PATCH } from "./[userId]/route";
import { PUT as suspend, DELETE as unsuspend } from "./[userId]/suspension/route";
import { GET } from "./route";

// The real route handlers behind a stubbed next-auth session: the guard and the error mapping are under test.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));
// Notices stay queued (after() needs a live request); their delivery has its own tests.
vi.mock("@/lib/doors/http/flush-after-response", () => ({ flushAfterResponse: () => undefined }));

const get = (url: string) => new Request(`http://localhost${url}`);
const json = (url: string, method: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const none = { params: Promise.resolve({}) };

describe("admin users, applications and token search routes", () => {
  beforeEach(async () => {
    session.user = await makeUser("admin");
  });

  it("answer a subscriber 403 and change nothing", async () => {
    const target = await createTestApp();
    const token = await issueToken({ clientId: target.clientId, subscriber: target.user.id });
    session.user = await makeUser("subscriber");
    const byUser = { params: Promise.resolve({ userId: target.user.id }) };
    const answers = await Promise.all([
      GET(get("/api/admin/users"), none),
      PATCH(json(`/api/admin/users/${target.user.id}`, "PATCH", { role: "admin" }), byUser),
      suspend(json(`/api/admin/users/${target.user.id}/suspension`, "PUT"), byUser),
      unsuspend(json(`/api/admin/users/${target.user.id}/suspension`, "DELETE"), byUser),
      listApps(get("/api/admin/apps"), none),
      searchTokens(get("/api/admin/tokens"), none),
      preview(json("/api/admin/tokens/bulk-revoke/preview", "POST", { tokenIds: [token.tokenId] }), none),
      bulkRevoke(json("/api/admin/tokens/bulk-revoke", "POST", { tokenIds: [token.tokenId] }), none),
    ]);

    for (const res of answers) expect(res.status).toBe(403);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.user.id } })).toMatchObject({ role: "subscriber", suspendedAt: null });
    expect(await db.token.findUniqueOrThrow({ where: { id: token.tokenId } })).toMatchObject({ revokedAt: null });
  });

  it("let an admin find, suspend and promote a user; bad input is a field error, not a 500", async () => {
    const target = await createTestApp();
    const byUser = { params: Promise.resolve({ userId: target.user.id }) };

    const found = await (await GET(get(`/api/admin/users?q=${encodeURIComponent(target.user.email)}`), none)).json();
    expect(found).toMatchObject({ total: 1, users: [{ id: target.user.id, apps: 1, suspendedAt: null }] });
    expect((await suspend(json(`/api/admin/users/${target.user.id}/suspension`, "PUT"), byUser)).status).toBe(200);
    const suspended = await (await GET(get(`/api/admin/users?state=suspended&q=${encodeURIComponent(target.user.email)}`), none)).json();
    expect(suspended.total).toBe(1);
    expect((await PATCH(json(`/api/admin/users/${target.user.id}`, "PATCH", { role: "root" }), byUser)).status).toBe(422);
    expect((await GET(get("/api/admin/users?state=gone"), none)).status).toBe(422);
    expect((await GET(get("/api/admin/users?cursor=garbage"), none)).status).toBe(400);
    const missing = { params: Promise.resolve({ userId: "no-such-user" }) };
    expect((await suspend(json("/api/admin/users/no-such-user/suspension", "PUT"), missing)).status).toBe(404);
  });
});
