import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import type { GatewayState } from "./gateway-state";
import { hashToken } from "./hash-token";
import { KeyManagerUnavailable, type Introspection } from "./introspect";

type JwtValidatorOptions = { state: GatewayState; keyManager: string; timeoutMs: number };

const INACTIVE: Introspection = { active: false };
const ALGORITHMS = ["ES256", "RS256"]; // what the key manager signs with; `none` and HMAC never verify
/** A bearer token shaped like a JWS (three base64url parts, an unsecured JWT's last one empty): checked here. */
export const looksLikeJwt = (token: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);

/**
 * Local validation of RFC 9068 JWT access tokens against the key manager's JWKS (fetched once,
 * fetched again when a token names an unknown kid), without asking the key manager per token.
 * Revocation still wins: a hash a notice or the feed revoked is refused, and an expiry a
 * `token.updated` shortened caps the JWT's own `exp`.
 */
export function createJwtValidator({ state, keyManager, timeoutMs }: JwtValidatorOptions) {
  let setup: Promise<{ issuer: string; jwks: ReturnType<typeof createRemoteJWKSet> }> | null = null;
  const discover = async () => {
    const res = await fetch(`${keyManager}/.well-known/oauth-authorization-server`, { signal: AbortSignal.timeout(timeoutMs) });
    if (res.status !== 200) throw new Error(`metadata answered ${res.status}`);
    const { issuer, jwks_uri } = (await res.json()) as { issuer: string; jwks_uri: string };
    // Its own URL for the keys: the metadata's may name the public address, not the one this gateway reaches.
    const jwks = createRemoteJWKSet(new URL(`${keyManager}${new URL(jwks_uri).pathname}`), {
      timeoutDuration: timeoutMs,
      cooldownDuration: 1_000, // an unknown kid (a rotation) fetches again after at most a second
    });

    return { issuer, jwks };
  };

  return async function validateJwt(token: string, now = Date.now()): Promise<Introspection> {
    const hash = hashToken(token);
    if (state.tombstones.isHard(hash, now)) return INACTIVE;
    const cap = state.expiryCaps.get(hash);
    if (cap !== undefined && cap.at <= now) return INACTIVE;
    const { issuer, jwks } = await (setup ??= discover().catch((err: Error) => {
      setup = null;
      throw new KeyManagerUnavailable(`metadata fetch failed: ${err.message}`);
    }));
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience: `${issuer}/apis`, typ: "at+jwt", algorithms: ALGORITHMS });

      return { ...payload, active: true, token_type: "Bearer" };
    } catch (err) {
      if (err instanceof errors.JWKSTimeout || (err instanceof TypeError && /fetch/i.test(err.message)))
        throw new KeyManagerUnavailable(`JWKS fetch failed: ${err.message}`);

      return INACTIVE; // a bad signature, a foreign key, alg none, wrong typ, issuer or audience, expired
    }
  };
}
