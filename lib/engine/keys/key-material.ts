import { encryptSecret } from "@/lib/base/secret-box";
import { calculateJwkThumbprint, type JWK } from "jose";
import { generateKeyPairSync } from "node:crypto";
import type { SigningAlg } from "./schemas.shared";

/** A fresh key pair: the public JWK (kid = its RFC 7638 thumbprint) and the sealed PKCS#8 private key. */
export async function generateKeyMaterial(alg: SigningAlg) {
  const { publicKey, privateKey } =
    alg === "ES256" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk: JWK = { ...jwk, kid, alg, use: "sig" };

  return { kid, publicJwk, sealedPrivateKey: encryptSecret(privateKey.export({ format: "pem", type: "pkcs8" }).toString()) };
}
