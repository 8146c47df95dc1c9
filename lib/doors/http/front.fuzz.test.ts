import { expectNoServerError, expectOAuthAnswer, fuzzParameters, nastyString } from "@/lib/testing/http/fuzz";
import { rawRequest, startFront } from "@/lib/testing/http/raw-http";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The node:http front with the real key-manager endpoints behind it, fed raw bytes: request lines,
// Host headers, targets and headers no fetch client would send. Never a 5xx, never a stack trace.
let front: Awaited<ReturnType<typeof startFront>>;
beforeAll(async () => {
  front = await startFront({ trustedHops: 1 });
});
afterAll(() => front.close());

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/); // an RFC 9110 token (method or header name)
const visible = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: max });
const path = fc.oneof(
  fc.constantFrom(
    "/oauth2/token",
    "/oauth2/revoke",
    "/oauth2/introspect",
    "/oauth2/revocations",
    "/oauth2/metadata",
    "/.well-known/oauth-authorization-server",
    "/api/users",
    "/apps",
  ),
  fc
    .tuple(fc.constantFrom("/oauth2/", "/api/", "/", "//", "http://evil.example/", "*", "", "/.well-known/"), visible(30))
    .map(([a, b]) => a + b.replace(/[\s]/g, "")),
);
const query = fc.option(fc.array(fc.tuple(fc.constantFrom("after", "limit", "callbackUrl"), visible(12)), { maxLength: 3 }), {
  nil: undefined,
});
const host = fc.oneof(
  fc.constantFrom("localhost", "127.0.0.1:3000", "[::1]:80", "[", "a b", "x:99999", "", "evil.example", "a..b", "[::1"),
  visible(20),
);
const headers = fc.array(
  fc.tuple(
    fc.oneof(token, fc.constantFrom("content-type", "authorization", "x-forwarded-for", "content-length", "transfer-encoding", "expect")),
    visible(60),
  ),
  { maxLength: 5 },
);
const body = fc.oneof(
  fc.constant(""),
  nastyString.map((s) => s.replace(/[^\x00-\xff]/g, "")),
);

describe("fuzz: the node:http front", () => {
  it("never answers 5xx or a stack trace, and OAuth paths answer RFC JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom("GET", "POST", "OPTIONS", "HEAD", "PUT"), token),
        path,
        query,
        host,
        headers,
        body,
        async (method, target, q, h, extra, payload) => {
          const search = q ? `?${q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}` : "";
          const lines = [
            `${method} ${target}${search} HTTP/1.1`,
            `Host: ${h}`,
            ...extra.filter(([name]) => !/^(content-length|transfer-encoding|connection)$/i.test(name)).map(([k, v]) => `${k}: ${v}`),
          ];
          lines.push(`Content-Length: ${Buffer.byteLength(payload, "latin1")}`, "Connection: close");
          const res = await rawRequest(front.port, Buffer.from(`${lines.join("\r\n")}\r\n\r\n${payload}`, "latin1"));

          if (res.status === 0) return; // node:http itself closed a connection it could not parse: no answer, nothing leaked
          expectNoServerError(res.status, res.body);
          const pathname = target.split("?")[0];
          if (res.status >= 400 && (pathname.startsWith("/oauth2/") || pathname.startsWith("/.well-known/")) && method !== "HEAD") {
            expectOAuthAnswer(res.status, res.body);
          }
          expect(res.headers.location ?? "").not.toMatch(/evil\.example/);
        },
      ),
      fuzzParameters(250),
    );
  });
});
