import type { ApiValidation } from "@/lib/base/contract.shared";
import { randomUUID } from "node:crypto";
import { signJwt } from "./sign-jwt";

/** How long a backend JWT lives at most (WSO2's default); never past the access token itself. */
export const BACKEND_JWT_TTL_SECONDS = 15 * 60;

/** The audience of an API version's backend JWT: its context and version, as the gateway routes them. */
export const backendAudience = (api: { context: string; version: string }) => `${api.context}/${api.version}`;

type BackendJwtClaims = {
  issuer: string;
  sub: string; // the end user for code and password grants, else the client id
  clientId: string;
  scope: string;
  tokenExpiresAt: number; // epoch ms
  validation: ApiValidation;
  now?: number;
};

/**
 * JWT to the backend: the key manager vouches, to the API's upstream, for who calls (WSO2's
 * "JWT generation"). Made per call; the gateway forwards it in a header (`X-JWT-Assertion`).
 */
export function signBackendJwt({ issuer, sub, clientId, scope, tokenExpiresAt, validation, now = Date.now() }: BackendJwtClaims) {
  const iat = Math.floor(now / 1000);

  return signJwt(
    {
      iss: issuer,
      sub,
      aud: backendAudience(validation.api),
      client_id: clientId,
      application: validation.application,
      subscriber: validation.subscriber,
      tier: validation.tier.name,
      scope,
      iat,
      exp: Math.min(iat + BACKEND_JWT_TTL_SECONDS, Math.floor(tokenExpiresAt / 1000)),
      jti: randomUUID(),
    },
    { typ: "JWT", now },
  );
}
