import type { Person } from "@/lib/engine/identity/actor.shared";
import { approveAuthorization } from "./approve-authorization";
import { earlyError, readAuthorizationRequest, type ConsentView, type ErrorPage } from "./authorization-request";
import { coversRequest } from "./remembered-consent";

/** Added to the request by prompt=login: a session that began before this time (epoch ms) is not a fresh sign-in. */
export const SIGNED_IN_AFTER = "signed_in_after";

export type AuthorizationStep =
  | { page: ErrorPage }
  | { redirect: string }
  /** To the sign-in page, and back to `retry` (the request again); `fresh`: even a signed-in person signs in again. */
  | { signIn: { retry: string; fresh: boolean } }
  | { consent: ConsentView };

type StepOptions = {
  entries: [string, string][];
  /** The signed-in person, with when their session began (epoch ms); null when nobody is signed in. */
  session: { actor: Person; signedInAt: number } | null;
  now?: number;
};

const retryWith = (entries: [string, string][], extra: [string, string][] = []) =>
  `/oauth2/authorize?${new URLSearchParams([...entries.filter(([k]) => k !== SIGNED_IN_AFTER), ...extra])}`;

/**
 * What GET /oauth2/authorize does next, prompt included (OpenID Connect Core §3.1.2.1, which
 * OAuth clients use too): `none` never shows a page — login_required or consent_required, or the
 * code when consent is remembered; `login` asks for a sign-in newer than the request; `consent`
 * asks again even when consent is remembered. Every other request asks only for what was not approved.
 */
export async function nextAuthorizationStep({ entries, session, now = Date.now() }: StepOptions): Promise<AuthorizationStep> {
  const outcome = await readAuthorizationRequest(entries);
  if (!("consent" in outcome)) return outcome;
  const { request, verified } = outcome.consent;
  const none = request.prompt.includes("none");
  if (!session) {
    if (none) return earlyError({ ...request, verified }, "login_required", "the person is not signed in");
    return { signIn: { retry: retryWith(entries), fresh: false } };
  }
  if (request.prompt.includes("login")) {
    const after = Number(entries.find(([k]) => k === SIGNED_IN_AFTER)?.[1]);
    if (!(session.signedInAt >= after)) return { signIn: { retry: retryWith(entries, [[SIGNED_IN_AFTER, String(now)]]), fresh: true } };
  }
  const remembered = await coversRequest({ userId: session.actor.id, clientId: request.clientId, scope: request.scope });
  if (none && !remembered) return earlyError({ ...request, verified }, "consent_required", "the person has not approved this application");
  if (remembered && !request.prompt.includes("consent")) return { redirect: await approveAuthorization({ request, actor: session.actor }) };

  return outcome;
}
