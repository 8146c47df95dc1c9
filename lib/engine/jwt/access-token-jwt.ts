import { issuer } from "@/lib/base/issuer";
import { signJwt } from "./sign-jwt";

/** What the tokens list shows before the last 4 characters: every JWT's encoded header starts so. */
export const JWT_DISPLAY_PREFIX = "eyJ";

/** RFC 9068 §3: the resource servers a token is for — every API this key manager's gateways serve. */
export const accessTokenAudience = (iss = issuer()) => `${iss}/apis`;

type AccessTokenClaims = {
  tokenId: string; // the row's id: the jti
  clientId: string;
  userId?: string | null; // the person who authorized it (code and password grants)
  scope: string[];
  createdAt: number; // epoch ms
  expiresAt: number;
};

/** An RFC 9068 JWT access token (`typ: at+jwt`). It is stored, like an opaque token, only as its SHA-256. */
export function signAccessTokenJwt({ tokenId, clientId, userId, scope, createdAt, expiresAt }: AccessTokenClaims): Promise<string> {
  const iss = issuer();

  return signJwt(
    {
      iss,
      sub: userId ?? clientId, // RFC 9068 §2.2: the client itself when no person is involved
      aud: accessTokenAudience(iss),
      client_id: clientId,
      exp: Math.floor(expiresAt / 1000),
      iat: Math.floor(createdAt / 1000),
      jti: tokenId,
      scope: scope.join(" "),
    },
    { typ: "at+jwt", now: createdAt },
  );
}
