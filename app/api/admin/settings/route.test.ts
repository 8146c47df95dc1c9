import { db } from "@/lib/data/db/client";
import { makeUser } from "@/lib/testing/factories";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as stats } from "../stats/route";
import { POST as preview } from "./preview/route";
import { GET, PATCH } from "./route";
import { POST as shorten } from "./shorten/route";

// The real route handlers behind a stubbed next-auth session: the guard, the body parsing and the
// error mapping are what is under test; the domain functions have their own tests.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));
// Notices stay queued (after() needs a live request); their delivery has its own tests.
vi.mock("@/lib/doors/http/flush-after-response", () => ({ flushAfterResponse: () => undefined }));

const ctx = { params: Promise.resolve({}) };
const json = (method: string, body: unknown) =>
  new Request("http://localhost/api/admin/settings", {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("admin settings routes", () => {
  beforeEach(async () => {
    session.user = await makeUser("admin");
  });

  it("answer a subscriber 403 with no data, and change nothing", async () => {
    session.user = await makeUser("subscriber");
    const before = await db.setting.findMany();
    const answers = await Promise.all([
      GET(new Request("http://localhost/api/admin/settings"), ctx),
      PATCH(json("PATCH", { change: { access_token_ttl: 60 } }), ctx),
      preview(json("POST", { type: "access_token", maxTtl: 60 }), ctx),
      shorten(json("POST", { type: "access_token", maxTtl: 60 }), ctx),
      stats(new Request("http://localhost/api/admin/stats"), ctx),
    ]);

    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Requires the admin role." } });
    }
    expect(await db.setting.findMany()).toEqual(before);
  });

  it("GET gives every setting, in seconds", async () => {
    const res = await GET(new Request("http://localhost/api/admin/settings"), ctx);

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(await res.json()).sort()).toEqual([
      "access_token_max_ttl",
      "access_token_ttl",
      "app_overrides_allowed",
      "backend_jwt",
      "canary_interval",
      "purge_grace_period",
      "refresh_reuse_grace",
      "refresh_token_max_ttl",
      "refresh_token_ttl",
      "validation_cache",
      "validation_cache_ttl",
    ]);
  });

  it("PATCH answers bad values with 400 and field errors, and saves none of the change", async () => {
    const before = await (await GET(new Request("http://localhost/api/admin/settings"), ctx)).json();
    const res = await PATCH(json("PATCH", { change: { access_token_ttl: 120, refresh_token_ttl: 0 } }), ctx);

    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("bad_request");
    expect(error.fields.refresh_token_ttl[0]).toMatch(/^Refresh tokens always expire: .+forever\.$/);
    expect(await (await GET(new Request("http://localhost/api/admin/settings"), ctx)).json()).toEqual(before);
  });

  it("PATCH never answers 500 for a malformed body", async () => {
    expect((await PATCH(json("PATCH", "{not json"), ctx)).status).toBe(400);
    expect((await PATCH(json("PATCH", { change: "all of it" }), ctx)).status).toBe(422);
    expect((await preview(json("POST", { type: "id_token", maxTtl: -1 }), ctx)).status).toBe(422);
  });

  it("PATCH with the current values answers 200 with them", async () => {
    const current = await (await GET(new Request("http://localhost/api/admin/settings"), ctx)).json();
    const res = await PATCH(json("PATCH", { change: current }), ctx);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(current);
  });
});
