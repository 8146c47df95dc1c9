import { gatewayDispatcher, refusedGatewayUrl } from "@/lib/engine/notices/assert-gateway-url";
import { signNotice } from "@/lib/engine/notices/sign-notice";
import { fetch } from "undici";

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
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signNotice({ id, secrets, body, now }) },
      body,
      redirect: "manual", // a redirect is not an acknowledgement, and must not carry the notice elsewhere
      signal: AbortSignal.timeout(timeout),
      dispatcher: gatewayDispatcher(), // refuses link-local/metadata addresses after DNS resolution
    });
    await res.body?.cancel();
    const ok = res.status >= 200 && res.status < 300;
    const asksToWait = res.status === 429 || res.status === 503;

    return {
      ok,
      status: res.status,
      error: ok ? null : res.status === 410 ? "HTTP 410 Gone: the gateway asked to stop" : `HTTP ${res.status}`,
      retryAfterMs: asksToWait ? parseRetryAfter(res.headers.get("retry-after"), now) : null,
      gone: res.status === 410,
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const error =
      (err as Error).name === "TimeoutError" ? `no answer within ${timeout} ms` : (cause?.code ?? cause?.message ?? (err as Error).message);

    return { ok: false, status: null, error };
  }
}
