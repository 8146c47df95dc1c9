import { gatewayDispatcher, refusedGatewayUrl } from "@/lib/engine/notices/assert-gateway-url";
import { fetch } from "undici";

const CALL_TIMEOUT_MS = 2_000;

/** The canary URL's answer to a bearer token: its status, or why there was none (refused, timed out, unreachable). */
export type CanaryCall = { status: number | null; error: string | null };

/**
 * One GET of the canary URL with the canary token, through the same agent as notices (link-local and
 * metadata addresses refused after DNS, private ones too when PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES=refuse).
 * Never throws. A redirect is an answer, not followed: the token must not travel elsewhere.
 */
export async function callCanaryUrl(url: string, token: string): Promise<CanaryCall> {
  const refused = refusedGatewayUrl(url);
  if (refused) return { status: null, error: `refused: ${refused}` };
  try {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      redirect: "manual",
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      dispatcher: gatewayDispatcher(),
    });
    await res.body?.cancel();

    return { status: res.status, error: null };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    const error = (err as Error).name === "TimeoutError" ? `no answer within ${CALL_TIMEOUT_MS} ms` : (cause?.code ?? "unreachable");

    return { status: null, error };
  }
}

export const isAdmitted = (call: CanaryCall) => call.status !== null && call.status >= 200 && call.status < 300;
export const isRefused = (call: CanaryCall) => call.status === 401 || call.status === 403;
