import { signingKey } from "@/lib/engine/keys/key-ring";
import { SignJWT, type JWTPayload } from "jose";

/** Signs claims with the key manager's current key; the header names the key (`kid`) and the type. */
export async function signJwt(claims: JWTPayload, { typ, now = Date.now() }: { typ: string; now?: number }): Promise<string> {
  const key = await signingKey(now);

  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ }).sign(key.privateKey);
}
