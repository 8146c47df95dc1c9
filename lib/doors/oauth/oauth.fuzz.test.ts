import { createTestApp } from "@/lib/testing/factories";
import { expectOAuthAnswer, fuzzParameters, nastyString } from "@/lib/testing/http/fuzz";
import { webHandler } from "@/lib/testing/web-handler";
import * as fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { introspectEndpoint } from "./introspect";
import { revocationsEndpoint } from "./revocations";
import { revokeEndpoint } from "./revoke";
import { tokenEndpoint } from "./token";

// The endpoints behind the App Router's adapter; what they queue for gateways is not under test here.
const [token, revoke, introspect, revocations] = [tokenEndpoint, revokeEndpoint, introspectEndpoint, revocationsEndpoint].map((e) =>
  webHandler(e, () => {}),
);

// Property tests against the key manager's real endpoints and database: whatever a client sends,
// the answer is never a 5xx and every error is RFC 6749 §5.2 JSON.
let client: { clientId: string; clientSecret: string };
beforeAll(async () => {
  const app = await createTestApp();
  client = { clientId: app.clientId, clientSecret: app.clientSecret };
});

const PARAMS = ["grant_type", "client_id", "client_secret", "scope", "token", "token_type_hint", "refresh_token", "after", "limit"];
const encode = (s: string) => encodeURIComponent(s);
const rawBody = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), nastyString), nastyString), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")),
  fc
    .array(fc.tuple(fc.constantFrom(...PARAMS), fc.constantFrom("client_credentials", "refresh_token", "", "a b", "pcl_at_x")), {
      maxLength: 5,
    })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
  nastyString, // not even a form
);
const contentType = fc.option(
  fc.constantFrom(
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "application/json",
    "text/plain",
    "multipart/form-data",
    "",
  ),
  { nil: undefined },
);
const authorization = fc.option(
  fc.oneof(
    nastyString,
    fc.tuple(nastyString, nastyString).map(([id, secret]) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`),
    nastyString.map((secret) => `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString("base64")}`),
    fc.constant(null).map(() => `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`),
    fc.base64String({ maxLength: 60 }).map((b) => `Basic ${b}`),
  ),
  { nil: undefined },
);
const method = fc.constantFrom("POST", "POST", "POST", "GET", "PUT", "DELETE");

// A header holds bytes, not text: what a client can put there is latin-1 without line breaks (raw bytes go through the front's fuzz).
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "");
const request = (path: string, m: string, body: string, type?: string, rawAuth?: string, query = "") => {
  const auth = rawAuth === undefined ? undefined : headerSafe(rawAuth);

  return new Request(`http://localhost${path}${query}`, {
    method: m,
    headers: { ...(type !== undefined ? { "content-type": type } : {}), ...(auth !== undefined ? { authorization: auth } : {}) },
    body: m === "GET" || m === "HEAD" ? undefined : body,
  });
};

describe("fuzz: the key manager's endpoints", () => {
  it.each([
    ["/oauth2/token", token],
    ["/oauth2/revoke", revoke],
    ["/oauth2/introspect", introspect],
  ] as const)("%s never answers 5xx, and its errors are RFC JSON", async (path, endpoint) => {
    await fc.assert(
      fc.asyncProperty(method, rawBody, contentType, authorization, async (m, body, type, auth) => {
        const res = await endpoint(request(path, m, body, type, auth));
        expectOAuthAnswer(res.status, await res.text());
      }),
      fuzzParameters(120),
    );
  });

  it("/oauth2/revocations never answers 5xx for any query and credentials", async () => {
    const query = fc
      .array(fc.tuple(fc.constantFrom("after", "limit", "x"), nastyString), { maxLength: 4 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encode(v)}`).join("&")}`);
    await fc.assert(
      fc.asyncProperty(query, authorization, async (q, auth) => {
        const res = await revocations(request("/oauth2/revocations", "GET", "", undefined, auth, q));
        expectOAuthAnswer(res.status, await res.text());
      }),
      fuzzParameters(120),
    );
  });
});
