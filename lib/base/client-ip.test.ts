import { describe, expect, it } from "vitest";
import { clientAddress, trustedHops } from "./client-ip";

describe("clientAddress", () => {
  const remoteAddress = "10.0.0.2"; // the load balancer

  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress({ forwardedFor: "6.6.6.6", remoteAddress, hops: 0 })).toBe(remoteAddress);
  });

  it("takes the entry the trusted proxy appended, not the left-most one the client wrote", () => {
    expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7", remoteAddress, hops: 1 })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.9", remoteAddress, hops: 2 })).toBe("203.0.113.7");
  });

  it("never goes left of a short chain, and refuses entries that are not addresses", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.7", remoteAddress, hops: 3 })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: "not-an-ip", remoteAddress, hops: 1 })).toBe(remoteAddress);
  });

  it("reads TRUST_PROXY as a number of hops", () => {
    expect([trustedHops("1"), trustedHops("2"), trustedHops(undefined), trustedHops("yes"), trustedHops("-1")]).toEqual([1, 2, 0, 0, 0]);
  });
});
