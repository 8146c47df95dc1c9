import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../proxy";

const page = (path: string, cookie?: string) => new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

describe("proxy.ts", () => {
  it("gives every page a CSP with a fresh script nonce, no framing and no plugins, and hands it to Next's renderer", () => {
    const [first, second] = [proxy(page("/sign-in")), proxy(page("/sign-in"))];
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];

    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy); // what Next reads the nonce from
  });

  it("sends a visitor without a session to sign-in on the issuer's origin, whatever the Host", () => {
    const res = proxy(new NextRequest("http://evil.example/account?x=1"));

    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Faccount%3Fx%3D1");
  });
});
