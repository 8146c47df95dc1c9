import { OAuthError } from "./errors";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export const oauthJson = (body: object, status = 200) => Response.json(body, { status, headers: NO_STORE });

/** RFC 6749 §5.2 JSON for OAuthErrors; anything else is logged and answered as a bare server_error. */
export function oauthErrorResponse(err: unknown): Response {
  if (!(err instanceof OAuthError)) {
    console.error(err); // internals never reach the client
    return oauthJson({ error: "server_error" }, 500);
  }
  const headers: Record<string, string> = { ...NO_STORE };
  if (err.basicChallenge) headers["WWW-Authenticate"] = `Basic realm="oauth2", error="${err.error}"`;

  return Response.json({ error: err.error, error_description: err.message }, { status: err.status, headers });
}
