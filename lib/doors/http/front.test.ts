import { rawRequest, startFront } from "@/lib/testing/http/raw-http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { securityHeaders } from "./security-headers";

let front: Awaited<ReturnType<typeof startFront>>;
beforeAll(async () => {
  front = await startFront({ trustedHops: 1 });
});
afterAll(() => front.close());

const send = (head: string, body = "") => rawRequest(front.port, `${head}\r\nConnection: close\r\n\r\n${body}`);

describe("the node:http front", () => {
  it.each(["[", "a b", "x:99999", "evil.example:80:80"])(
    "answers 400 RFC JSON, not 500, for Host %j on /oauth2/revocations",
    async (host) => {
      const res = await send(`GET /oauth2/revocations HTTP/1.1\r\nHost: ${host}`);

      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: "invalid_request" });
      expect(res.body).not.toMatch(/at .*\.ts/);
    },
  );

  it("answers 400 RFC JSON to an authorization request whose state is over 2 KiB, and hands one of 2 KiB to Next", async () => {
    const res = await send(`GET /oauth2/authorize?client_id=x&state=${"s".repeat(2049)} HTTP/1.1\r\nHost: localhost`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: "invalid_request", error_description: "state is over 2048 bytes" });

    expect((await send(`GET /oauth2/authorize?state=${"s".repeat(2048)} HTTP/1.1\r\nHost: localhost`)).status).toBe(200);
  });

  it("answers 400 to a path that is not valid percent-encoding, which Next answered with a 500", async () => {
    const res = await send("GET /api/auth/%zz/%20 HTTP/1.1\r\nHost: localhost");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: "bad_request", message: "Bad request: the path is not valid percent-encoding." },
    });
  });

  it("answers 400 to OPTIONS *", async () => {
    expect((await send("OPTIONS * HTTP/1.1\r\nHost: localhost")).status).toBe(400);
  });

  it("answers 400 to an absolute-form target instead of redirecting to its host", async () => {
    const res = await send("POST http://evil.example/oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0");

    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(JSON.parse(res.body).error).toBe("invalid_request");
  });

  it("hands Next the issuer's host, whatever Host the client sent", async () => {
    const res = await send("GET /apps HTTP/1.1\r\nHost: evil.example");

    expect(JSON.parse(res.body).host).toBe(new URL(process.env.PORTCULLIS_ISSUER || "http://localhost:3000").host);
  });

  it("in development, keeps the Host of a page at another loopback name of the issuer's port, and only that", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PORTCULLIS_ISSUER", "http://localhost:3200");
    try {
      const seen = async (host: string) => JSON.parse((await send(`GET /apps HTTP/1.1\r\nHost: ${host}`)).body).host;

      expect(await seen("127.0.0.1:3200")).toBe("127.0.0.1:3200");
      expect(await seen("127.0.0.1:3201")).toBe("localhost:3200");
      expect(await seen("evil.example")).toBe("localhost:3200");
      vi.stubEnv("NODE_ENV", "production");
      expect(await seen("127.0.0.1:3200")).toBe("localhost:3200");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers GET /oauth2/token with 405 and Allow: POST (RFC 9110 §15.5.6)", async () => {
    const res = await send("GET /oauth2/token HTTP/1.1\r\nHost: localhost");

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(JSON.parse(res.body).error).toBe("invalid_request");
  });

  it("takes the client address from the right of X-Forwarded-For, after the trusted hop", async () => {
    const res = await send("GET /apps HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 6.6.6.6, 203.0.113.7");

    expect(JSON.parse(res.body).ip).toBe("203.0.113.7");
  });

  it("refuses a portal body over 64 KiB with 413 before reading it", async () => {
    const res = await send("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 31457280");

    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("payload_too_large");
  });

  it("refuses a chunked portal body that gives no length", async () => {
    const res = await send("POST /api/users HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked", "0\r\n\r\n");

    expect(res.status).toBe(411);
  });

  it("sends nosniff, a referrer policy and frame denial on every answer", async () => {
    for (const res of [
      await send("GET /apps HTTP/1.1\r\nHost: localhost"),
      // An answer the front gives itself (405): this raw client half-closes at once, which an endpoint awaiting PostgreSQL would not outlive.
      await send("GET /oauth2/token HTTP/1.1\r\nHost: localhost"),
    ]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    }
  });
});

describe("securityHeaders", () => {
  it("adds HSTS only when the public URL is https", () => {
    expect(securityHeaders(new URL("https://portal.example"))["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders(new URL("http://localhost:3000"))).not.toHaveProperty("Strict-Transport-Security");
  });
});
