import { createPersonApp, defineTestScopes, makeUser } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE } from "./[scope]/route";
import { GET, POST } from "./route";

// The real route handlers behind a stubbed next-auth session: the guard and the error mapping are under test.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));

const PRIVILEGED = `routes:admin.${randomUUID().slice(0, 8)}`;
beforeAll(() => defineTestScopes([PRIVILEGED], { privileged: true }));
const url = (appId: string, rest = "") => `http://localhost/api/admin/apps/${appId}/scopes${rest}`;
const post = (appId: string, body: unknown) =>
  new Request(url(appId), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("/api/admin/apps/:appId/scopes", () => {
  it("lets an admin list, grant and withdraw a privileged scope", async () => {
    const { app } = await createPersonApp();
    session.user = await makeUser("admin");
    const params = { params: Promise.resolve({ appId: app.id }) };
    const granted = await POST(post(app.id, { scope: PRIVILEGED }), params);
    expect(granted.status).toBe(200);
    expect((await granted.json()).find((s: { name: string }) => s.name === PRIVILEGED).grantedAt).toEqual(expect.any(String));
    const listed = await (await GET(new Request(url(app.id)), params)).json();
    expect(listed).toContainEqual(expect.objectContaining({ name: PRIVILEGED, grantedAt: expect.any(String) }));
    const withdrawn = await DELETE(new Request(url(app.id, `/${PRIVILEGED}`), { method: "DELETE" }), {
      params: Promise.resolve({ appId: app.id, scope: PRIVILEGED }),
    });
    expect((await withdrawn.json()).find((s: { name: string }) => s.name === PRIVILEGED).grantedAt).toBeNull();
    const open = await POST(post(app.id, { scope: "not-in-the-catalog" }), params);
    expect(open.status).toBe(400);
  });

  it("answers the application's owner 403: an owner cannot grant their own application a privileged scope", async () => {
    const { app, owner } = await createPersonApp();
    session.user = { id: owner.id, email: owner.email, role: "subscriber" };
    const res = await POST(post(app.id, { scope: PRIVILEGED }), { params: Promise.resolve({ appId: app.id }) });
    expect(res.status).toBe(403);
  });
});
