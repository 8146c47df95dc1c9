import { OAuthError } from "./errors";
import type { OAuthResult } from "./http-adapter";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };
const JSON_TYPE = { "Content-Type": "application/json" };

export const oauthJson = (body: object, status = 200, headers: Record<string, string> = NO_STORE): OAuthResult => ({
  status,
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify(body),
});

/** RFC 6749 §5.2 JSON for OAuthErrors; anything else is logged and answered as a bare server_error. */
export function oauthErrorResponse(err: unknown): OAuthResult {
  if (!(err instanceof OAuthError)) {
    console.error(err); // internals never reach the client
    return oauthJson({ error: "server_error" }, 500);
  }
  const challenge: Record<string, string> = err.basicChallenge ? { "WWW-Authenticate": `Basic realm="oauth2", error="${err.error}"` } : {};

  return oauthJson({ error: err.error, error_description: err.message }, err.status, { ...NO_STORE, ...challenge });
}
