import { issuer } from "@/lib/base/issuer";
import { approveForTest, createPersonApp, makeUser, pkcePair } from "@/lib/testing/factories";
import { describe, expect, it } from "vitest";
import { readAuthorizationRequest } from "./authorization-request";
import { nextAuthorizationStep, SIGNED_IN_AFTER, type AuthorizationStep } from "./authorization-step";

type App = Awaited<ReturnType<typeof createPersonApp>>;
const entriesFor = (app: App, extra: [string, string][] = []): [string, string][] => [
  ["response_type", "code"],
  ["client_id", app.clientId],
  ["redirect_uri", app.redirectUri],
  ["state", "st"],
  ["code_challenge", pkcePair().challenge],
  ["code_challenge_method", "S256"],
  ...extra,
];
const redirectedTo = (step: AuthorizationStep) => {
  if (!("redirect" in step)) throw new Error(`not redirected: ${JSON.stringify(step)}`);
  return Object.fromEntries(new URL(step.redirect).searchParams);
};
const signedIn = async (signedInAt = Date.now()) => ({ actor: await makeUser(), signedInAt });

describe("GET /oauth2/authorize — no automatic redirect to an unverified client (RFC 9700 §4.11.2)", () => {
  it("shows the error page for an early error of a self-registered client, with a link the person may choose", async () => {
    const app = await createPersonApp(); // a subscriber registered it: any redirect URI they like
    const outcome = await readAuthorizationRequest(
      entriesFor(app, [
        ["scope", "x"],
        ["scope", "y"],
      ]),
    );

    expect(outcome).not.toHaveProperty("redirect");
    expect(outcome).toMatchObject({ page: { error: "invalid_request", message: expect.stringContaining("scope is repeated") } });
    const back = new URL((outcome as { page: { back: string } }).page.back);
    expect(back.origin + back.pathname).toBe(app.redirectUri);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: "invalid_request", state: "st", iss: issuer() });
  });

  it("redirects the same error to a client an admin owns", async () => {
    const app = await createPersonApp({ verified: true });
    expect(redirectedTo(await nextAuthorizationStep({ entries: entriesFor(app, [["prompt", "bogus"]]), session: null }))).toMatchObject({
      error: "invalid_request",
      state: "st",
    });
  });

  it("refuses a state over 2 KiB with an error page, reflecting it nowhere", async () => {
    const app = await createPersonApp({ verified: true });
    const step = await nextAuthorizationStep({
      entries: entriesFor(app).map(([k, v]) => [k, k === "state" ? "s".repeat(2049) : v]),
      session: null,
    });
    expect(step).toEqual({ page: { error: "invalid_request", message: "The state parameter is over 2048 bytes." } });
  });
});

describe("GET /oauth2/authorize — prompt", () => {
  it("prompt=none without a session: login_required to a verified client, the error page for any other", async () => {
    const verified = await createPersonApp({ verified: true });
    expect(redirectedTo(await nextAuthorizationStep({ entries: entriesFor(verified, [["prompt", "none"]]), session: null }))).toMatchObject(
      {
        error: "login_required",
        state: "st",
        iss: issuer(),
      },
    );
    const other = await createPersonApp();
    expect(await nextAuthorizationStep({ entries: entriesFor(other, [["prompt", "none"]]), session: null })).toMatchObject({
      page: { error: "login_required" },
    });
  });

  it("prompt=none with a session: consent_required until the person approved, then the code without a page", async () => {
    const app = await createPersonApp({ verified: true });
    const session = await signedIn();
    const entries = entriesFor(app, [["prompt", "none"]]);
    expect(redirectedTo(await nextAuthorizationStep({ entries, session }))).toMatchObject({ error: "consent_required", state: "st" });

    await approveForTest({ app, person: session.actor, challenge: pkcePair().challenge });
    expect(redirectedTo(await nextAuthorizationStep({ entries, session }))).toMatchObject({ code: expect.stringMatching(/^pcl_ac_/) });
  });

  it("prompt=consent asks again although consent is remembered", async () => {
    const app = await createPersonApp();
    const session = await signedIn();
    await approveForTest({ app, person: session.actor, challenge: pkcePair().challenge });

    expect(redirectedTo(await nextAuthorizationStep({ entries: entriesFor(app), session }))).toHaveProperty("code");
    expect(await nextAuthorizationStep({ entries: entriesFor(app, [["prompt", "consent"]]), session })).toHaveProperty("consent");
  });

  it("prompt=login sends even a signed-in person to sign in again, and takes only a session begun after the request", async () => {
    const app = await createPersonApp();
    const now = Date.now();
    const entries = entriesFor(app, [["prompt", "login"]]);
    const step = await nextAuthorizationStep({ entries, session: await signedIn(now - 60_000), now });
    expect(step).toMatchObject({ signIn: { fresh: true } });
    const retry = new URL((step as { signIn: { retry: string } }).signIn.retry, issuer());
    expect(retry.searchParams.get(SIGNED_IN_AFTER)).toBe(String(now));
    expect(retry.searchParams.get("prompt")).toBe("login");

    const back = [...retry.searchParams.entries()];
    expect(await nextAuthorizationStep({ entries: back, session: await signedIn(now - 1) })).toHaveProperty("signIn");
    expect(await nextAuthorizationStep({ entries: back, session: await signedIn(now + 5) })).toHaveProperty("consent");
  });
});
