import { CLIENT_ID_PREFIX, CLIENT_SECRET_PREFIX, hashToken, randomSecret } from "@/lib/base/hash-token";
import { randomBytes } from "node:crypto";

/** A fresh client secret: the plain value is returned once; only its hash and last 4 characters are stored. */
export function newClientSecret() {
  const secret = randomSecret(CLIENT_SECRET_PREFIX);

  return { secret, secretHash: hashToken(secret), last4: secret.slice(-4) };
}

export const newClientId = () => `${CLIENT_ID_PREFIX}${randomBytes(12).toString("base64url")}`;
