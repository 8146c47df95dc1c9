import type { ApiValidation } from "@/lib/base/contract.shared";
import type { ApiRef, ClientAuthRow, TokenForApiRow, TokenRow } from "@/lib/data/store";
import { store } from "@/lib/data/store";
import { signBackendJwt } from "@/lib/engine/jwt/backend-jwt";

type ActiveIntrospection = {
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
export type Introspection = { active: false } | ActiveIntrospection | (ActiveIntrospection & ApiValidation);

export const INACTIVE = { active: false } as const;

/**
 * Not revoked, not expired, and still usable: a disabled client's, a deleted application's or a
 * suspended person's token is inactive, whatever its row says.
 */
export const isTokenActive = (t: Pick<TokenRow, "revokedAt" | "expiresAt" | "usable">, now = Date.now()) =>
  t.revokedAt === null && t.expiresAt > now && t.usable;

/** An active subscription to a version still served: published, or deprecated (no new subscriptions, old ones keep working). */
const isServedTo = (t: TokenForApiRow) =>
  t.subscription?.status === "active" && (t.api?.status === "published" || t.api?.status === "deprecated");

type LookUpOptions = { caller: ClientAuthRow; hash: string; api?: ApiRef; now: number };

/**
 * RFC 7662 §2.2. One indexed lookup by hash (with the API's subscription when `api` is given). A
 * gateway client may introspect any token, an application's client only its own; anything not
 * valid for the caller — or, with `api`, not subscribed to that API version — is not `active`
 * (its answer is exactly `{ active: false }`). `found`: the row, whatever the verdict.
 */
export async function lookUpToken({ caller, hash, api, now }: LookUpOptions): Promise<{ found: TokenRow | null; active: boolean }> {
  const found = api ? await store().findTokenForApi(hash, api) : await store().findTokenByHash(hash);
  const active =
    found !== null &&
    isTokenActive(found, now) &&
    (caller.kind === "gateway" || found.clientId === caller.id) &&
    (!api || isServedTo(found as TokenForApiRow));

  return { found, active };
}

/** Whether a per-API answer about this token carries a backend JWT (for a gateway's client). */
export const carriesBackendJwt = (found: TokenRow, api?: ApiRef) => api !== undefined && (found as TokenForApiRow).api?.backendJwt === true;

type ActiveAnswerOptions = { api?: ApiRef; issuer: string; now: number; forGateway: boolean }; // only a gateway's client is handed a backend JWT

/** The answer about a token `lookUpToken` found active, with the API's validation info (and backend JWT, for a gateway) when asked for one. */
export async function activeAnswer(found: TokenRow, { api, issuer, now, forGateway }: ActiveAnswerOptions): Promise<Introspection> {
  const answer: ActiveIntrospection = {
    active: true,
    client_id: found.clientId,
    token_type: found.type === "access_token" ? "Bearer" : "refresh_token",
    scope: found.scope,
    exp: Math.floor(found.expiresAt / 1000),
    iat: Math.floor(found.createdAt / 1000),
    sub: found.userId ?? found.clientId, // the person who authorized it; for client_credentials the client (RFC 9068 §2.2)
    ...(found.subscriber ? { subscriber: found.subscriber } : {}),
    iss: issuer,
  };

  if (!api) return answer;
  const validation = validationInfo(found as TokenForApiRow, api);
  if (!forGateway || !carriesBackendJwt(found, api)) return { ...answer, ...validation };
  const backendJwt = await signBackendJwt({
    issuer,
    sub: answer.sub,
    clientId: answer.client_id,
    scope: answer.scope,
    tokenExpiresAt: found.expiresAt,
    validation,
    now,
  });

  return { ...answer, ...validation, backend_jwt: backendJwt };
}

function validationInfo(t: TokenForApiRow, api: ApiRef): ApiValidation {
  const sub = t.subscription!;

  return {
    api: { context: api.context, version: api.version, name: t.api!.name },
    application: { id: t.appId!, name: t.appName! },
    subscriber: t.ownerId!,
    tier: { name: sub.tierName, requests_per_minute: sub.requestsPerMinute, daily_quota: sub.dailyQuota },
  };
}
