import { createHash } from "node:crypto";

/** Lowercase hex SHA-256 of the exact token string: the key of every cache, and what notices list. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
