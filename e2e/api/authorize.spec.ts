import { expect, test } from "@playwright/test";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { BASE_URL } from "../../playwright.config";
import { ADMIN } from "../fixtures";
import { cli } from "./cli";

// The authorization endpoint and the password change over real HTTP, as a stranger's browser reaches them (issue 26).
const REDIRECT_URI = "https://client.e2e.example/callback";
const send = (path: string, init: RequestInit = {}) => fetch(`${BASE_URL}${path}`, { redirect: "manual", ...init });

function app(owner: string) {
  // A name of its own: one owner (the admin, in two tests, on a database that outlives a run) has one app per name.
  const name = `Authorize e2e ${randomUUID().slice(0, 6)}`;

  return cli<{ client_id: string }>("apps", "create", "--owner", owner, "--name", name, "--redirect-uri", REDIRECT_URI).client_id;
}
function subscriber() {
  const email = `authz-${randomUUID().slice(0, 8)}@e2e.test`;
  cli("users", "create", "--email", email, "--password", "authz-e2e-password");

  return email;
}
function authorize(clientId: string, extra: Record<string, string> = {}) {
  const challenge = createHash("sha256").update(randomBytes(32)).digest("base64url");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    state: "st",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });

  return send(`/oauth2/authorize?${query}`);
}

test("GET /oauth2/authorize — an early error of a self-registered client is the portal's page, never a redirect (RFC 9700 §4.11.2)", async () => {
  const clientId = app(subscriber());
  const broken: Record<string, string>[] = [{ scope: "x", prompt: "bogus" }, { response_type: "token" }, { prompt: "none" }];
  for (const extra of broken) {
    const res = await authorize(clientId, extra);
    expect(res.status, JSON.stringify(extra)).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("This authorization request cannot be completed");
  }
});

test("GET /oauth2/authorize — prompt=none without a session: login_required back to a client an admin owns", async () => {
  const res = await authorize(app(ADMIN.email), { prompt: "none" });
  expect(res.status).toBe(307);
  const location = new URL(res.headers.get("location")!);
  expect(location.origin + location.pathname).toBe(REDIRECT_URI);
  expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: "login_required", state: "st", iss: BASE_URL });
});

test("GET /oauth2/authorize — a state over 2 KiB is a 400", async () => {
  const res = await authorize(app(ADMIN.email), { state: "s".repeat(2049) });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: "invalid_request", error_description: "state is over 2048 bytes" });
});

test("POST /api/account/password — the current password behind a session is guessed no faster than sign-in allows", async () => {
  test.setTimeout(90_000);
  const email = subscriber();
  const csrf = await send("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await send("/api/auth/callback/credentials", {
    method: "POST",
    headers: { origin: BASE_URL, "content-type": "application/x-www-form-urlencoded", cookie: cookies(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "authz-e2e-password", json: "true" }),
  });
  const session = cookies(signIn).find((c) => c.startsWith("next-auth.session-token="));
  expect(session, "signed in").toBeDefined();
  const change = (currentPassword: string) =>
    send("/api/account/password", {
      method: "POST",
      headers: { origin: BASE_URL, "content-type": "application/json", cookie: session! },
      body: JSON.stringify({ currentPassword, newPassword: "an entirely new passphrase" }),
    });
  for (let i = 0; i < 10; i++) expect((await change(`guess ${i}`)).status).toBe(422);
  const refused = await change("authz-e2e-password");
  expect(refused.status).toBe(429);
  expect((await refused.json()).error.message).toMatch(/^Too many attempts/);
});
