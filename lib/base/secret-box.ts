import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Secrets that must be read back (gateway signing secrets) are stored AES-256-GCM encrypted.
// The key comes from PORTCULLIS_ENCRYPTION_KEY (base64, 32 bytes; required when several instances
// share PostgreSQL) or from a key file created on first use (PORTCULLIS_KEY_FILE, default
// ./data/portcullis.key), kept out of the database so a database dump alone reveals nothing.
const VERSION = "v1";

function loadKey(): Buffer {
  const fromEnv = process.env.PORTCULLIS_ENCRYPTION_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== 32) throw new Error("PORTCULLIS_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
    return key;
  }
  const file = path.resolve(process.env.PORTCULLIS_KEY_FILE || "data/portcullis.key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600);
  }

  return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
}

const globalForKey = globalThis as unknown as { portcullisSecretKey?: Buffer };
const key = () => (globalForKey.portcullisSecretKey ??= loadKey());

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);

  return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION) throw new Error("unknown secret encoding");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));

  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
