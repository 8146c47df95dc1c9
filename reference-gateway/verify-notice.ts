import { noticeSchema, type Notice } from "@/lib/base/contract.shared";
import type { IncomingHttpHeaders } from "node:http";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

export type VerifiedNotice = { ok: true; id: string; signedAt: number; notice: Notice } | { ok: false; status: 400 | 401; reason: string };

const HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

/** One verifier per configured secret: during a rotation either may have signed. */
export const createVerifiers = (secrets: string[]) => secrets.map((s) => new Webhook(s));

/**
 * Standard Webhooks v1: HMAC over "id.timestamp.body" and a timestamp within 5 minutes (the package checks both).
 * The body is parsed only after a signature verified, so unsigned input never reaches the schema.
 */
export function verifyNotice({
  verifiers,
  body,
  headers,
}: {
  verifiers: Webhook[];
  body: string;
  headers: IncomingHttpHeaders;
}): VerifiedNotice {
  const picked: Record<string, string> = {};
  for (const name of HEADERS) {
    const value = headers[name];
    if (typeof value !== "string") return { ok: false, status: 401, reason: `missing ${name}` };
    picked[name] = value;
  }
  const verified = verifiers.some((v) => {
    try {
      v.verify(body, picked, { jsonParse: false });

      return true;
    } catch (err) {
      if (err instanceof WebhookVerificationError) return false;
      throw err;
    }
  });
  if (!verified) return { ok: false, status: 401, reason: "signature or timestamp does not verify" };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, reason: "body is not JSON" };
  }
  const parsed = noticeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, status: 400, reason: "body does not match the notice contract" };

  return { ok: true, id: picked["webhook-id"], signedAt: Number(picked["webhook-timestamp"]) * 1000, notice: parsed.data };
}
