import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Lowercase hex SHA-256 of the exact string: how tokens and secrets are stored, and how gateways key caches. */
export const hashToken = (value: string) => createHash("sha256").update(value).digest("hex");

/** 256 bits from the CSPRNG behind a prefix that secret scanners can match. */
export const randomSecret = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;

export const TOKEN_PREFIX = { access_token: "pcl_at_", refresh_token: "pcl_rt_" } as const;
export const CLIENT_SECRET_PREFIX = "pcl_cs_";
export const CLIENT_ID_PREFIX = "pcl_ci_";
/** Starts the grant id of every token family a password grant began, so a password change can find them (refreshes keep it). */
export const PASSWORD_FAMILY_PREFIX = "pwd_";

/** Constant-time comparison of two hex digests of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");

  return x.length === y.length && timingSafeEqual(x, y);
}
