import { createHash, timingSafeEqual } from "node:crypto";

// RFC 7636 §4.2: S256 only. A challenge is the base64url SHA-256 of the verifier: exactly 43 characters.
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
// §4.1: code_verifier = 43*128unreserved
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export const isValidChallenge = (challenge: string) => CHALLENGE.test(challenge);

/** Whether the verifier hashes to the challenge (compared in constant time). */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier) || !isValidChallenge(challenge)) return false;
  const computed = createHash("sha256").update(verifier).digest("base64url");

  return timingSafeEqual(Buffer.from(computed), Buffer.from(challenge));
}
