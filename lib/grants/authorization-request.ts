import { issuer } from "@/lib/base/issuer";
import { OAuthError } from "@/lib/base/oauth-errors";
import { db } from "@/lib/data/db/client";
import { isValidChallenge } from "./pkce";
import { assertGrantableScopes, splitScope } from "./scopes";
import { MAX_STATE_BYTES, stateTooLong } from "./state-limit";

/** A validated authorization request (RFC 6749 §4.1.1 + RFC 7636 §4.3), ready for consent. */
export type AuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scope: string[];
  codeChallenge: string;
  /** OpenID Connect's prompt values the endpoint honours (none, login, consent); empty when absent. */
  prompt: Prompt[];
};

export type Prompt = "none" | "login" | "consent";
const PROMPTS = new Set<string>(["none", "login", "consent"]);

export type ConsentView = {
  request: AuthorizationRequest;
  appName: string;
  ownerEmail: string;
  /** An application an admin owns: its redirect URIs are trusted with an answer the person did not ask for. */
  verified: boolean;
  scopes: { name: string; description: string | null }[];
};

/**
 * An error page: the redirect URI cannot be trusted, or the client is not verified and the person
 * did nothing yet (RFC 9700 §4.11.2). `back` is the error redirect the person may choose to follow.
 */
export type ErrorPage = { error: string; message: string; back?: string };

/** What the endpoint answers: an error page, a redirect, or the consent form. */
export type AuthorizationOutcome = { page: ErrorPage } | { redirect: string } | { consent: ConsentView };

export const AUTHORIZATION_PARAMS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
  "prompt",
];

/** The redirect back to the client, with `state` and `iss` (RFC 9207) on every answer. */
export function clientRedirect(redirectUri: string, state: string | null, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  if (state !== null) url.searchParams.set("state", state);
  url.searchParams.set("iss", issuer());

  return url.toString();
}

const page = (message: string) => ({ page: { error: "invalid_request", message } });

/**
 * An error the person did not cause by any choice of theirs goes back to the client only when the
 * client is verified; anyone can register an application with any redirect URI, and an automatic
 * redirect there would make the portal's address an open redirector (RFC 9700 §4.11.2).
 */
export function earlyError(
  { redirectUri, state, verified }: { redirectUri: string; state: string | null; verified: boolean },
  error: string,
  description: string,
): { page: ErrorPage } | { redirect: string } {
  const back = clientRedirect(redirectUri, state, { error, error_description: description });

  return verified ? { redirect: back } : { page: { error, message: `${description} (${error})`, back } };
}

/**
 * Checks an authorization request in the order RFC 6749 §4.1.2.1 asks: a bad client or redirect
 * URI is shown as an error page (never redirected to); every later error is redirected with
 * `state` and `iss` for a verified client, and shown as an error page for any other (earlyError).
 * `entries` are the query's pairs, so a repeated parameter is caught (§3.1).
 */
export async function readAuthorizationRequest(entries: [string, string][]): Promise<AuthorizationOutcome> {
  const params = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [k, v] of entries) {
    if (params.has(k)) repeated.add(k);
    else params.set(k, v);
  }
  const clientId = params.get("client_id");
  if (!clientId) return page("The request names no client (client_id is missing).");
  if (repeated.has("client_id") || repeated.has("redirect_uri")) return page("client_id and redirect_uri may appear only once.");
  const client = await db.client.findUnique({
    where: { id: clientId },
    select: {
      kind: true,
      disabledAt: true,
      app: {
        select: {
          id: true,
          name: true,
          deletedAt: true,
          redirectUris: true,
          grantTypes: true,
          allowedScopes: true,
          owner: { select: { email: true, role: true } },
        },
      },
    },
  });
  const app = client?.app;
  if (!client || client.kind !== "app" || client.disabledAt || !app || app.deletedAt)
    return page("This application is unknown or no longer registered.");
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri) return page("The request has no redirect_uri; it must match one the application registered.");
  // Exact string match (RFC 9700 §4.1.3): no prefix, no normalisation.
  if (!(JSON.parse(app.redirectUris) as string[]).includes(redirectUri))
    return page("This redirect_uri is not registered for the application.");

  const state = params.get("state") ?? null;
  if (state !== null && stateTooLong(state)) return page(`The state parameter is over ${MAX_STATE_BYTES} bytes.`);
  const verified = app.owner.role === "admin";
  const fail = (error: string, description: string) => earlyError({ redirectUri, state, verified }, error, description);
  const extra = [...repeated].find((k) => AUTHORIZATION_PARAMS.includes(k));
  if (extra) return fail("invalid_request", `parameter ${extra} is repeated`);
  const responseType = params.get("response_type");
  if (!responseType) return fail("invalid_request", "response_type is required");
  if (responseType === "token")
    return fail("unsupported_response_type", "the implicit grant is not supported (RFC 9700 section 2.1.2); use code with PKCE");
  if (responseType !== "code") return fail("unsupported_response_type", "only response_type=code is supported");
  if (!app.grantTypes.split(" ").includes("authorization_code"))
    return fail("unauthorized_client", "this client may not use the authorization code grant");
  const challenge = params.get("code_challenge");
  if (!challenge) return fail("invalid_request", "code_challenge is required (PKCE, RFC 7636)");
  if (params.get("code_challenge_method") !== "S256") return fail("invalid_request", "code_challenge_method must be S256");
  if (!isValidChallenge(challenge)) return fail("invalid_request", "code_challenge is not a base64url SHA-256");
  const prompt = (params.get("prompt") ?? "").split(" ").filter(Boolean);
  if (!prompt.every((p) => PROMPTS.has(p))) return fail("invalid_request", "prompt may be none, login or consent");
  if (prompt.includes("none") && prompt.length > 1) return fail("invalid_request", "prompt=none cannot be combined with other values");
  let scope: string[];
  try {
    const limit = app.allowedScopes === null ? null : splitScope(app.allowedScopes);
    scope = await assertGrantableScopes({ appId: app.id, requested: splitScope(params.get("scope")), limit });
  } catch (err) {
    return fail("invalid_scope", err instanceof OAuthError ? err.message : "scope is not allowed");
  }
  const described = await db.scope.findMany({ where: { name: { in: scope } }, select: { name: true, description: true } });

  return {
    consent: {
      request: { clientId, redirectUri, state, scope, codeChallenge: challenge, prompt: prompt as Prompt[] },
      appName: app.name,
      ownerEmail: app.owner.email,
      verified,
      scopes: scope.map((name) => ({ name, description: described.find((d) => d.name === name)?.description ?? null })),
    },
  };
}
