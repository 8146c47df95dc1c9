import { issuer } from "@/lib/base/issuer";
import { createPersonApp, makeUser, pkcePair } from "@/lib/testing/factories";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "./route";

// The consent form's POST through the real handler, behind a stubbed session.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getCurrentUser: async () => session.user }));

async function decide(decision: string, headers: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const app = await createPersonApp();
  const fields = new URLSearchParams({
    ...extra,
    response_type: "code",
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    state: "st",
    code_challenge: pkcePair().challenge,
    code_challenge_method: "S256",
    decision,
  });
  const res = await POST(
    new Request(`${issuer()}/oauth2/authorize/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(issuer()).origin, ...headers },
      body: fields.toString(),
    }),
  );

  return { app, res };
}
const target = async (res: Response) => new URL((/url=([^"]+)"/.exec(await res.text())?.[1] ?? "").replace(/&#38;/g, "&"));

describe("POST /oauth2/authorize/decision", () => {
  beforeEach(async () => {
    session.user = await makeUser();
  });

  it("approve sends the person back to the registered URI with a code, state and iss", async () => {
    const { app, res } = await decide("approve");
    expect(res.status).toBe(200);
    const url = await target(res);
    expect(url.origin + url.pathname).toBe(app.redirectUri);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ code: expect.stringMatching(/^pcl_ac_/), state: "st", iss: issuer() });
  });

  it("deny answers access_denied to the client", async () => {
    const { res } = await decide("deny");
    expect((await target(res)).searchParams.get("error")).toBe("access_denied");
  });

  it("refuses a cross-site post (CSRF) and sends a signed-out person to sign in", async () => {
    expect((await decide("approve", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).res.status).toBe(403);
    session.user = null;
    const { res } = await decide("approve");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/sign-in?callbackUrl=");
  });

  it("refuses a consent form over 8 KiB, and reflects no field but the request's own into Location", async () => {
    expect((await decide("approve", {}, { pad: "x".repeat(60 * 1024) })).res.status).toBe(413);
    const { res } = await decide("neither", {}, { pad: "y".repeat(1024) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).not.toContain("pad=");
  });
});
