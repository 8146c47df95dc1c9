import { gatewayDispatcher, refusedGatewayUrl } from "@/lib/engine/notices/assert-gateway-url";
import { signNotice } from "@/lib/engine/notices/sign-notice";
import { fetch } from "undici";

export type NoticeResult = { ok: boolean; status: number | null; error: string | null };

export const deliveryTimeoutMs = () => Number(process.env.PORTCULLIS_DELIVERY_TIMEOUT_MS ?? 5_000);

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

    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const error =
      (err as Error).name === "TimeoutError" ? `no answer within ${timeout} ms` : (cause?.code ?? cause?.message ?? (err as Error).message);

    return { ok: false, status: null, error };
  }
}
