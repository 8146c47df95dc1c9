import { gatewayDispatcher, refusedGatewayUrl } from "@/lib/engine/notices/assert-gateway-url";
import { signNotice } from "@/lib/engine/notices/sign-notice";
import { request } from "undici";

/** `retryAfterMs`: what a 429 or 503 asked for in `Retry-After`; `gone`: a 410, the gateway's "stop sending". */
export type NoticeResult = { ok: boolean; status: number | null; error: string | null; retryAfterMs?: number | null; gone?: boolean };

/** PORTCULLIS_DELIVERY_TIMEOUT_MS: how long one attempt waits for an answer (default 15 s, as Stripe's and Svix's senders). */
export const deliveryTimeoutMs = () => Number(process.env.PORTCULLIS_DELIVERY_TIMEOUT_MS ?? 15_000);

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3), in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - now;

  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

/** POSTs one signed notice. Never throws: every failure becomes a result the outbox records. */
export async function deliverNotice({
  url,
  id,
  secrets,
  body,
  now = Date.now(),
}: {
  url: string;
  id: string;
  secrets: string[];
  body: string;
  now?: number;
}): Promise<NoticeResult> {
  const timeout = deliveryTimeoutMs();
  const refused = refusedGatewayUrl(url);
  if (refused) return { ok: false, status: null, error: `refused: ${refused}` };
  try {
    // undici's request(), not fetch(): a notice needs a status and one header, and fetch's Request, Response,
    // web streams and AbortSignal cost more CPU than the send itself when a revocation goes to 100 gateways.
    const res = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signNotice({ id, secrets, body, now }) },
      body,
      // request() follows no redirect: one is not an acknowledgement, and must not carry the notice elsewhere.
      headersTimeout: timeout,
      bodyTimeout: timeout,
      dispatcher: gatewayDispatcher(), // refuses link-local/metadata addresses after DNS resolution
    });
    await res.body.dump();
    const status = res.statusCode;
    const ok = status >= 200 && status < 300;
    const asksToWait = status === 429 || status === 503;
    const retryAfter = res.headers["retry-after"];

    return {
      ok,
      status,
      error: ok ? null : status === 410 ? "HTTP 410 Gone: the gateway asked to stop" : `HTTP ${status}`,
      retryAfterMs: asksToWait ? parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null), now) : null,
      gone: status === 410,
    };
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    const timedOut = code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT";
    // undici's own codes (UND_ERR_*) say less than its message; the system's (ECONNREFUSED) are the message.
    const error = timedOut ? `no answer within ${timeout} ms` : code && !code.startsWith("UND_ERR") ? code : message;

    return { ok: false, status: null, error };
  }
}
