import { expect, test } from "@playwright/test";
import * as fc from "fast-check";
import { BASE_URL } from "../../playwright.config";

// next-auth's routes over real HTTP, as an attacker sends them (issue 26 L5): never a 5xx.
const send = (path: string, init: RequestInit = {}) => fetch(`${BASE_URL}${path}`, { redirect: "manual", ...init });

test("GET /api/auth/callback/credentials — 405, use POST", async () => {
  const res = await send("/api/auth/callback/credentials");
  expect(res.status).toBe(405);
  expect(res.headers.get("allow")).toBe("POST");
  expect(await res.json()).toMatchObject({ error: { code: "method_not_allowed" } });
});

test("GET /api/auth/error with a NUL or U+202E in the name — 400, not an invalid Location header", async () => {
  for (const path of ["/api/auth/error/%00", "/api/auth/error/%E2%80%AE", "/api/auth/error?error=%00"]) {
    const res = await send(path);
    expect(res.status, path).toBe(400);
    expect((await res.json()).error.message).toBe("An error page's name is letters only.");
  }
  expect((await send("/api/auth/error?error=CredentialsSignin")).status).toBeLessThan(400);
});

test("a callbackUrl next-auth cannot parse, in the query or its cookie — 400, not its 500 'server configuration'", async () => {
  expect((await send("/api/auth/csrf?callbackUrl=+")).status).toBe(400);
  const res = await send("/api/auth/session", { headers: { cookie: "next-auth.callback-url=%20x" } });
  expect(res.status).toBe(400);
  expect(res.headers.get("set-cookie")).toContain("next-auth.callback-url=;");
  expect((await send("/api/auth/csrf?callbackUrl=%2Fapps")).status).toBe(200);
});

const segment = fc.oneof(
  fc.constantFrom("csrf", "session", "providers", "signin", "signout", "callback", "error", "_log", "credentials", "verify-request", ""),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom("%00", "%E2%80%AE", "%ff", "%zz", "..", "%0d%0a", "a%2Fb"),
);

test("fuzz: /api/auth/* answers every method, path, query and body below 500", async () => {
  test.setTimeout(120_000);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("GET", "POST", "HEAD", "PUT", "DELETE"),
      fc.array(segment, { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.constantFrom("error", "callbackUrl", "csrf", "json"), fc.string({ maxLength: 20 })), { maxLength: 2 }),
      fc.oneof(fc.constant(""), fc.string({ maxLength: 40 }), fc.constant("csrfToken=x&email=a@b.c&password=p&json=true")),
      fc.constantFrom(
        "",
        "next-auth.session-token=garbage",
        "next-auth.csrf-token=%00",
        "next-auth.callback-url=%20x",
        "next-auth.callback-url=%zz",
      ),
      async (method, segments, query, body, cookie) => {
        const search = query.length ? `?${new URLSearchParams(query)}` : "";
        const res = await send(`/api/auth/${segments.join("/")}${search}`, {
          method,
          headers: { origin: BASE_URL, "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
          body: method === "GET" || method === "HEAD" ? undefined : body,
        });
        const text = await res.text();
        expect(res.status, `${method} ${segments.join("/")}${search}: ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at |node_modules/);
      },
    ),
    { numRuns: 150 },
  );
});
