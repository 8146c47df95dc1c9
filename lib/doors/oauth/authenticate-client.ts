import { clientIp } from "@/lib/base/client-ip";
import { hashesEqual, hashToken } from "@/lib/base/hash-token";
import { invalidClient, invalidRequest } from "@/lib/base/oauth-errors";
import { store, type ClientAuthRow } from "@/lib/data/store";
import { noteSecretUse } from "@/lib/engine/usage/usage-buffer";
import { assertNotThrottled, countFailure } from "./client-auth-throttle";
import type { OAuthRequest } from "./http-adapter";
import type { FormParams } from "./read-form";

type Credentials = { clientId: string; secret: string | null; basic: boolean }; // null: a public client (client_id only)
const PRINTABLE = /^[\x20-\x7e]{1,256}$/;

/**
 * RFC 6749 §2.3.1: client_secret_basic or client_secret_post, exactly one per request; with
 * `allowPublic`, a public client identifies itself by client_id alone (`none`, §2.1 and §3.2.1).
 * Every failure is the same invalid_client, so the answer tells nothing about which part was wrong;
 * past CLIENT_AUTH_LIMITS (lib/engine/identity/rate-limit.ts) it is a 429 with Retry-After.
 */
export async function authenticateClient(
  req: OAuthRequest,
  params: FormParams,
  now = Date.now(),
  { allowPublic = false } = {},
): Promise<ClientAuthRow> {
  const { clientId, secret, basic } = readCredentials(req.headers.get("authorization"), params, allowPublic);
  // A caller over its failures' limit is refused before anything is looked up (RFC 7662 §4).
  const attempt = { clientId, ip: clientIp(req) };
  assertNotThrottled(attempt);
  // Client ids are printable ASCII; anything else (a NUL, which PostgreSQL refuses in text) is simply no client.
  const client = PRINTABLE.test(clientId) ? await store().findClient(clientId) : null;
  if (secret === null) {
    if (!client || client.disabled || !client.publicClient) throw await countFailure(attempt, invalidClient(false));
    return client;
  }
  const presented = hashToken(secret);
  const valid = client?.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now) ?? [];
  // Compare against every live secret (there are two during a rotation overlap) in constant time.
  const matches = valid.reduce((ok, s) => hashesEqual(s.secretHash, presented) || ok, false);
  // A public client authenticates with nothing (RFC 6749 §2.1), so none of its secrets counts, however it got one:
  // with a secret it could introspect, which RFC 7662 §2.1 keeps for authenticated callers.
  if (!client || client.disabled || client.publicClient || !matches) throw await countFailure(attempt, invalidClient(basic));
  noteSecretUse(presented, now); // the presented secret's hash is the stored one it matched

  return client;
}

function readCredentials(authorization: string | null, params: FormParams, allowPublic: boolean): Credentials {
  const postId = params.get("client_id");
  const postSecret = params.get("client_secret");
  if (authorization !== null) {
    if (postSecret !== undefined) throw invalidRequest("use exactly one client authentication method");
    const basic = parseBasic(authorization);
    if (postId !== undefined && postId !== basic.clientId) throw invalidRequest("client_id does not match the Authorization header");

    return basic;
  }
  if (allowPublic && postId && postSecret === undefined) return { clientId: postId, secret: null, basic: false };
  if (!postId || postSecret === undefined) throw invalidClient(false, "client authentication is required");

  return { clientId: postId, secret: postSecret, basic: false };
}

function parseBasic(header: string): Credentials {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!match) throw invalidClient(true, "Authorization header is not valid HTTP Basic");
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) throw invalidClient(true, "Authorization header is not valid HTTP Basic");
  try {
    // §2.3.1: both parts are form-urlencoded before base64.
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));

    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)), basic: true };
  } catch {
    throw invalidClient(true, "Authorization header is not valid HTTP Basic");
  }
}
