import { afterEach, describe, expect, it, vi } from "vitest";
import { isOwnOrigin, issuer, ownOrigins, publicOrigin, refusedOriginMessage } from "./issuer";

describe("the issuer and the portal's own origins", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to localhost on the port the server listens on", () => {
    vi.stubEnv("PORTCULLIS_ISSUER", "");
    vi.stubEnv("PORT", "3200");

    expect(issuer()).toBe("http://localhost:3200");
  });

  it("accepts every loopback name on the issuer's port in development, and no other port or host", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PORTCULLIS_ISSUER", "http://localhost:3200/");

    expect(ownOrigins()).toEqual(["http://localhost:3200", "http://127.0.0.1:3200", "http://[::1]:3200"]);
    expect(isOwnOrigin("http://127.0.0.1:3201")).toBe(false);
    expect(isOwnOrigin("http://192.168.1.20:3200")).toBe(false);
  });

  it("stays strict in production: the issuer's origin alone", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PORTCULLIS_ISSUER", "http://localhost:3200");

    expect(ownOrigins()).toEqual(["http://localhost:3200"]);
    expect(isOwnOrigin("http://127.0.0.1:3200")).toBe(false);
  });

  it("keeps a public issuer strict in development too", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PORTCULLIS_ISSUER", "https://portal.example.com");

    expect(ownOrigins()).toEqual(["https://portal.example.com"]);
  });

  it("takes a request's Host as its origin only when it is one of the portal's own", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PORTCULLIS_ISSUER", "http://localhost:3200");

    expect(publicOrigin("127.0.0.1:3200")).toBe("http://127.0.0.1:3200");
    expect(publicOrigin("[::1]:3200")).toBe("http://[::1]:3200");
    expect(publicOrigin("127.0.0.1:3201")).toBe("http://localhost:3200");
    expect(publicOrigin("evil.example")).toBe("http://localhost:3200");
    expect(publicOrigin(null)).toBe("http://localhost:3200");

    vi.stubEnv("NODE_ENV", "production");
    expect(publicOrigin("127.0.0.1:3200")).toBe("http://localhost:3200");
    expect(publicOrigin("localhost:3200")).toBe("http://localhost:3200");
  });

  it("names the page's address and the issuer when it refuses", () => {
    vi.stubEnv("PORTCULLIS_ISSUER", "http://localhost:3000");

    expect(refusedOriginMessage("http://127.0.0.1:3000")).toMatch(
      /^This page's address \(http:\/\/127\.0\.0\.1:3000\) does not match PORTCULLIS_ISSUER=http:\/\/localhost:3000\./,
    );
  });
});
