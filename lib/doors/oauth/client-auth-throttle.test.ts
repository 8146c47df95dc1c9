import { CLIENT_IP_HEADER } from "@/lib/base/client-ip";
import { CLIENT_AUTH_LIMITS } from "@/lib/engine/identity/rate-limit";
import { createTestApp, formRequest, oauth } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

// RFC 7662 §4: failed client authentications are throttled per (client, address) and per address.
// On PostgreSQL the counters live in a shared table, so every test uses fresh clients and addresses.
const address = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 256)).join(".")}`;
const introspect = (creds: [string, string], ip: string, token = "pcl_at_unknown") =>
  oauth.introspect(formRequest("/oauth2/introspect", { token }, { basic: creds, headers: { [CLIENT_IP_HEADER]: ip } }));

async function failTimes(n: number, clientId: string, ip: string) {
  const statuses = [];
  for (let i = 0; i < n; i++) statuses.push((await introspect([clientId, `wrong-${i}`], ip)).status);

  return statuses;
}

describe("client authentication throttle", () => {
  it("refuses a client at an address past its failures with 429 and Retry-After, the right secret too, and not elsewhere", async () => {
    const gw = await createTestApp({ kind: "gateway" });
    const ip = address();
    expect(await failTimes(CLIENT_AUTH_LIMITS.perClientAndIp, gw.clientId, ip)).toEqual(Array(CLIENT_AUTH_LIMITS.perClientAndIp).fill(401));

    const over = await introspect([gw.clientId, gw.clientSecret], ip); // refused before the secret is looked at
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual({
      error: "invalid_client",
      error_description: expect.stringMatching(/^too many failed client authentications/),
    });
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(CLIENT_AUTH_LIMITS.windowSeconds);

    const issued = await issueToken({ clientId: gw.clientId, subscriber: null });
    const elsewhere = await introspect([gw.clientId, gw.clientSecret], address(), issued.accessToken);
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.json()).toMatchObject({ active: true });
  });

  it("counts an address across client ids (a scan), and leaves other addresses alone", async () => {
    const ip = address();
    for (let i = 0; i < CLIENT_AUTH_LIMITS.perIp; i++) expect((await introspect([`scan-${randomUUID()}`, "guess"], ip)).status).toBe(401);
    const gw = await createTestApp({ kind: "gateway" });

    expect((await introspect([gw.clientId, gw.clientSecret], ip)).status).toBe(429);
    expect((await introspect([gw.clientId, gw.clientSecret], address())).status).toBe(200);
  });

  it("counts failures only: a busy gateway authenticating well is never throttled", async () => {
    const gw = await createTestApp({ kind: "gateway" });
    const ip = address();
    for (let i = 0; i < CLIENT_AUTH_LIMITS.perClientAndIp * 2; i++)
      expect((await introspect([gw.clientId, gw.clientSecret], ip)).status).toBe(200);

    expect(await failTimes(CLIENT_AUTH_LIMITS.perClientAndIp, gw.clientId, ip)).not.toContain(429);
  });

  it("throttles the token endpoint the same way, with RFC 6749 §5.2 JSON", async () => {
    const app = await createTestApp();
    const ip = address();
    const token = (secret: string) =>
      oauth.token(
        formRequest(
          "/oauth2/token",
          { grant_type: "client_credentials" },
          { basic: [app.clientId, secret], headers: { [CLIENT_IP_HEADER]: ip } },
        ),
      );
    for (let i = 0; i < CLIENT_AUTH_LIMITS.perClientAndIp; i++) expect((await token("wrong")).status).toBe(401);

    const res = await token(app.clientSecret);
    expect(res.status).toBe(429);
    expect((await res.json()).error).toBe("invalid_client");
  });
});
