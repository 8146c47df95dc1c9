import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/doors/auth/session";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { approveAuthorization } from "@/lib/grants/approve-authorization";
import { readAuthorizationRequest } from "@/lib/grants/authorization-request";
import { coversRequest } from "@/lib/grants/remembered-consent";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { queryEntries } from "./query-entries";

export const metadata: Metadata = { title: "Authorize an application" };

type AuthorizePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /oauth2/authorize — RFC 6749 §4.1.1 with PKCE. Served by Next, not server.ts: it needs the
// portal session and renders the consent form, a plain HTML form that works without JavaScript.
export default async function AuthorizePage({ searchParams }: AuthorizePageProps) {
  const entries = queryEntries(await searchParams);
  const outcome = await readAuthorizationRequest(entries);
  if ("page" in outcome) return <AuthorizationError message={outcome.page.message} />;
  if ("redirect" in outcome) redirect(outcome.redirect);

  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/oauth2/authorize?${new URLSearchParams(entries)}`)}`);
  const { request, appName, ownerEmail, scopes } = outcome.consent;
  // Consent is remembered per person and application: asked again only for scopes not yet approved.
  if (await coversRequest({ userId: user.id, clientId: request.clientId, scope: request.scope })) {
    redirect(await approveAuthorization({ request, actor: personActor(user) }));
  }

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold">Authorize {appName}?</h1>
        <CardDescription>
          <span className="font-medium text-foreground">{appName}</span> by {ownerEmail} asks to act on your behalf as{" "}
          <span className="font-medium text-foreground">{user.email}</span>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {scopes.length > 0 ? (
          <>
            <p>It asks for:</p>
            <ul className="grid gap-2" aria-label="Requested scopes">
              {scopes.map((s) => (
                <li key={s.name} className="rounded-md border px-3 py-2">
                  <code className="font-mono text-xs">{s.name}</code>
                  {s.description && <p className="text-muted-foreground">{s.description}</p>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>It asks for no particular scope.</p>
        )}
        <p className="text-muted-foreground">
          You will be sent back to <span className="break-all">{new URL(request.redirectUri).origin}</span>. You can withdraw access any
          time under Account → Authorized applications.
        </p>
      </CardContent>
      <CardFooter>
        <form method="post" action="/oauth2/authorize/decision" className="flex w-full flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {entries.map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Button type="submit" name="decision" value="deny" variant="outline">
            Deny
          </Button>
          <Button type="submit" name="decision" value="approve">
            Approve
          </Button>
        </form>
      </CardFooter>
    </Card>
  );
}

function AuthorizationError({ message }: { message: string }) {
  return (
    <Card role="alert">
      <CardHeader>
        <h1 className="text-xl font-semibold">This authorization request cannot be completed</h1>
        <CardDescription>{message}</CardDescription>
      </CardHeader>
      <CardContent className="text-sm text-muted-foreground">
        Nothing was sent back to the application. Tell its developer that its authorization request is not valid.
      </CardContent>
    </Card>
  );
}
