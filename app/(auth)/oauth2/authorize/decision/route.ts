import { clientIp } from "@/lib/base/client-ip";
import { AppError } from "@/lib/base/errors.shared";
import { issuer } from "@/lib/base/issuer";
import { getCurrentUser } from "@/lib/doors/auth/session";
import { assertSameOrigin } from "@/lib/doors/http/guard-request";
import { readLimitedBody } from "@/lib/doors/http/read-limited-body";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { approveAuthorization, denyAuthorization } from "@/lib/grants/approve-authorization";
import { AUTHORIZATION_PARAMS, readAuthorizationRequest } from "@/lib/grants/authorization-request";
import { SIGNED_IN_AFTER } from "@/lib/grants/authorization-step";

// The consent page's fields: a state of at most 2 KiB, a registered redirect URI, scopes, PKCE. Far below this.
const MAX_CONSENT_FORM_BYTES = 8 * 1024;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Back to the client by a navigation, not a redirect of the form's POST: the consent page's CSP
 * (`form-action 'self'`) also governs where a form submission may be redirected, and must not name
 * every client's origin. A meta refresh needs no JavaScript; the link is there if it is blocked.
 */
function backToClient(location: string) {
  const url = escapeHtml(location);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${url}"><title>Returning to the application</title></head><body><p><a href="${url}">Continue to the application</a></p></body></html>`;

  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

// POST /oauth2/authorize/decision — the consent form (a plain HTML form). The request is checked
// again from its fields, so nothing the page showed can be swapped on the way back.
export async function POST(req: Request) {
  try {
    assertSameOrigin(req); // CSRF: only the portal's own consent page can post here
  } catch (err) {
    return new Response((err as AppError).message, { status: 403 });
  }
  const body = await readLimitedBody(req, MAX_CONSENT_FORM_BYTES, () => new Error("too large")).catch(() => null);
  if (!body) return new Response(`The consent form is over ${MAX_CONSENT_FORM_BYTES} bytes.`, { status: 413 });
  const form = new URLSearchParams(body.toString("utf8"));
  const decision = form.get("decision");
  // Only the request's own fields go on: nothing else the form carried is reflected into a Location.
  const entries = [...form.entries()].filter(([k]) => AUTHORIZATION_PARAMS.includes(k) || k === SIGNED_IN_AFTER);
  const retry = `/oauth2/authorize?${new URLSearchParams(entries)}`;
  const user = await getCurrentUser();
  if (!user) return seeOther(new URL(`/sign-in?callbackUrl=${encodeURIComponent(retry)}`, issuer()).toString());
  const outcome = await readAuthorizationRequest(entries);
  if (!("consent" in outcome) || (decision !== "approve" && decision !== "deny")) return seeOther(new URL(retry, issuer()).toString());
  const { request } = outcome.consent;

  return backToClient(
    decision === "approve" ? await approveAuthorization({ request, actor: personActor(user, clientIp(req)) }) : denyAuthorization(request),
  );
}
