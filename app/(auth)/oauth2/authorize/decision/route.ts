import { clientIp } from "@/lib/base/client-ip";
import { AppError } from "@/lib/base/errors.shared";
import { issuer } from "@/lib/base/issuer";
import { getCurrentUser } from "@/lib/doors/auth/session";
import { assertSameOrigin } from "@/lib/doors/http/guard-request";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { approveAuthorization, denyAuthorization } from "@/lib/grants/approve-authorization";
import { readAuthorizationRequest } from "@/lib/grants/authorization-request";

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
  const form = new URLSearchParams(await req.text());
  const decision = form.get("decision");
  form.delete("decision");
  const entries = [...form.entries()];
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
