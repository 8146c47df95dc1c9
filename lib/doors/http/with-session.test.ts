import { POST as createApp, GET as listApps } from "@/app/api/apps/route";
import { POST as signUp } from "@/app/api/users/route";
import { db } from "@/lib/data/db/client";
import { makeUser } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The real route handlers behind a stubbed next-auth session: the write guard is what is under test.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));

const ctx = { params: Promise.resolve({}) };
const portal = "http://localhost:3000";
const post = (path: string, body: BodyInit, headers: Record<string, string>) =>
  new Request(`${portal}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const appCount = () => db.app.count({ where: { ownerId: session.user!.id } });

describe("the portal's write guard", () => {
  beforeEach(async () => {
    session.user = await makeUser("subscriber");
  });

  it.each([
    ["a sibling subdomain", { "sec-fetch-site": "same-site", origin: "http://evil.localhost:3000" }],
    ["another port", { origin: "http://localhost:3001" }],
    ["another site", { "sec-fetch-site": "cross-site" }],
  ])("refuses a write from %s with 403 and changes nothing", async (_, headers) => {
    const res = await createApp(post("/api/apps", JSON.stringify({ name: "csrf" }), headers), ctx);

    expect(res.status).toBe(403);
    expect(await appCount()).toBe(0);
  });

  it("refuses a text/plain body (what a cross-site form can send) with 415", async () => {
    const res = await createApp(post("/api/apps", JSON.stringify({ name: "csrf" }), { "content-type": "text/plain" }), ctx);

    expect(res.status).toBe(415);
    expect(await appCount()).toBe(0);
  });

  it("accepts a same-origin JSON write", async () => {
    const headers = { "sec-fetch-site": "same-origin", origin: portal };
    const res = await createApp(post("/api/apps", JSON.stringify({ name: "mine" }), headers), ctx);

    expect(res.status).toBe(201);
    expect(await appCount()).toBe(1);
  });

  it("refuses a body over 64 KiB with 413, also without a Content-Length", async () => {
    const big = JSON.stringify({ name: "x".repeat(70 * 1024) });
    const stream = new Blob([big]).stream();
    const chunked = new Request(`${portal}/api/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);

    expect((await createApp(post("/api/apps", big, {}), ctx)).status).toBe(413);
    expect((await createApp(chunked, ctx)).status).toBe(413);
  });

  it("keeps every session-guarded answer out of caches", async () => {
    const res = await listApps(new Request(`${portal}/api/apps`), ctx);

    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("guards public sign-up the same way", async () => {
    const body = JSON.stringify({ email: `${randomUUID()}@test.local`, password: "a long passphrase of mine" });

    expect((await signUp(post("/api/users", body, { "sec-fetch-site": "same-site" }))).status).toBe(403);
    expect((await signUp(post("/api/users", body, { "content-type": "text/plain" }))).status).toBe(415);
    expect((await signUp(post("/api/users", JSON.stringify({ pad: "x".repeat(30 * 1024 * 1024) }), {}))).status).toBe(413);
  });
});

describe("next-auth's endpoints", () => {
  it("refuse a cross-origin sign-out or sign-in (login CSRF) before next-auth sees it", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const form = { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-site" };
    const res = await POST(post("/api/auth/signout", "csrfToken=x", form), { params: Promise.resolve({ nextauth: ["signout"] }) });

    expect(res.status).toBe(403);
  });

  it("answer a sign-in from another address with the refusal next-auth's client reports to the form", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const form = { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" };
    const res = await POST(post("/api/auth/callback/credentials", "csrfToken=x", form), {
      params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
    });
    const body = await res.json();

    expect(res.status).toBe(403);
    expect(new URL(body.url).searchParams.get("error")).toBe("origin_refused");
    expect(body.error.message).toContain("does not match PORTCULLIS_ISSUER=http://localhost:3000");
  });
});

describe("NUL characters (PostgreSQL refuses them in text)", () => {
  it("are refused in a JSON body with 400 and in an id with 404, never a 500", async () => {
    session.user = await makeUser("subscriber");
    const { GET: getApp } = await import("@/app/api/apps/[appId]/route");

    expect((await createApp(post("/api/apps", JSON.stringify({ name: "a\u0000b" }), {}), ctx)).status).toBe(400);
    expect((await getApp(new Request(`${portal}/api/apps/x`), { params: Promise.resolve({ appId: "a\u0000" }) })).status).toBe(404);
    expect(await appCount()).toBe(0);
  });
});
