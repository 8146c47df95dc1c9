import { OAuthError } from "@/lib/base/oauth-errors";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/data/db/connection-errors";
import type { OAuthResult } from "./http-adapter";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };
const JSON_TYPE = { "Content-Type": "application/json" };

export const oauthJson = (body: object, status = 200, headers: Record<string, string> = NO_STORE): OAuthResult => ({
  status,
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify(body),
});

// RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E — no quote, no backslash, nothing outside ASCII.
const describe = (text: string) => text.replace(/"/g, "'").replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, "?");

/**
 * RFC 6749 §5.2 JSON for OAuthErrors; a database outage is 503 temporarily_unavailable with
 * Retry-After; anything else is logged and answered as a bare server_error.
 */
export function oauthErrorResponse(err: unknown): OAuthResult {
  if (isDatabaseUnavailable(err)) {
    console.error(`key manager: database unavailable (${(err as { code?: string }).code ?? (err as Error).message})`);
    return oauthJson({ error: "temporarily_unavailable", error_description: "try again shortly" }, 503, {
      ...NO_STORE,
      "Retry-After": RETRY_AFTER_SECONDS,
    });
  }
  if (!(err instanceof OAuthError)) {
    console.error(err); // internals never reach the client
    return oauthJson({ error: "server_error" }, 500);
  }
  const challenge: Record<string, string> = err.basicChallenge ? { "WWW-Authenticate": `Basic realm="oauth2", error="${err.error}"` } : {};
  const retry: Record<string, string> = err.retryAfterSeconds ? { "Retry-After": String(err.retryAfterSeconds) } : {};

  return oauthJson({ error: err.error, error_description: describe(err.message) }, err.status, { ...NO_STORE, ...challenge, ...retry });
}
