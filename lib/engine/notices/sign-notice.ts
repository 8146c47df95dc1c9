import { createHmac, randomBytes } from "node:crypto";

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

const secretKey = (secret: string) => Buffer.from(secret.replace(/^whsec_/, ""), "base64");

/**
 * Standard Webhooks v1 headers. `id` is the event id, so a retry carries the same id and a fresh
 * timestamp. During a secret rotation both secrets sign: the header holds one signature per secret.
 */
export function signNotice({ id, secrets, body, now = Date.now() }: { id: string; secrets: string[]; body: string; now?: number }) {
  const timestamp = String(Math.floor(now / 1000));
  const signatures = secrets.map((s) => `v1,${createHmac("sha256", secretKey(s)).update(`${id}.${timestamp}.${body}`).digest("base64")}`);

  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signatures.join(" ") };
}
