import { noteActiveIntrospection } from "@/lib/notices/race-resend";
import type { ClientAuthRow, TokenRow } from "@/lib/store";
import { store } from "@/lib/store";
import { hashToken } from "./hash-token";

export type Introspection =
  | { active: false }
  | {
      active: true;
      client_id: string;
      token_type: "Bearer" | "refresh_token";
      scope: string;
      exp: number;
      iat: number;
      sub: string;
      subscriber?: string;
      iss: string;
    };

const INACTIVE = { active: false } as const;

/** Not revoked, not expired, and its client still usable: a disabled client's or deleted application's token is inactive, whatever its row says. */
export const isTokenActive = (t: Pick<TokenRow, "revokedAt" | "expiresAt" | "clientUsable">, now = Date.now()) =>
  t.revokedAt === null && t.expiresAt > now && t.clientUsable;

/**
 * RFC 7662 §2.2. One indexed lookup by hash. A gateway client may introspect any token, an
 * application's client only its own; anything not valid for the caller is exactly `{ active: false }`.
 */
export async function introspectToken({
  caller,
  token,
  issuer,
  now = Date.now(),
}: {
  caller: ClientAuthRow;
  token: string;
  issuer: string;
  now?: number;
}): Promise<Introspection> {
  const found = await store().findTokenByHash(hashToken(token));
  if (!found || !isTokenActive(found, now)) return INACTIVE;
  if (caller.kind !== "gateway" && found.clientId !== caller.id) return INACTIVE;
  noteActiveIntrospection(found.hash, now);

  return {
    active: true,
    client_id: found.clientId,
    token_type: found.type === "access_token" ? "Bearer" : "refresh_token",
    scope: found.scope,
    exp: Math.floor(found.expiresAt / 1000),
    iat: Math.floor(found.createdAt / 1000),
    sub: found.clientId, // client_credentials: the client is the subject (RFC 9068 §2.2)
    ...(found.subscriber ? { subscriber: found.subscriber } : {}),
    iss: issuer,
  };
}
