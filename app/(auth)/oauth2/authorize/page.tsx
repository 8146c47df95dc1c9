import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { getSession } from "@/lib/doors/auth/session";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { nextAuthorizationStep } from "@/lib/grants/authorization-step";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { queryEntries } from "./query-entries";

export const metadata: Metadata = { title: "Authorize an application" };

type AuthorizePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /oauth2/authorize — RFC 6749 §4.1.1 with PKCE. Served by Next, not server.ts: it needs the
// portal session and renders the consent form, a plain HTML form that works without JavaScript.
export default async function AuthorizePage({ searchParams }: AuthorizePageProps) {
  const entries = queryEntries(await searchParams);
  const session = await getSession();
  const user = session?.user ?? null;
  const step = await nextAuthorizationStep({
    entries,
    session: user ? { actor: personActor(user), signedInAt: session?.signedInAt ?? 0 } : null,
  });
  if ("page" in step) return <AuthorizationError message={step.page.message} back={step.page.back} />;
  if ("redirect" in step) redirect(step.redirect);
  if ("signIn" in step)
    redirect(`/sign-in?${new URLSearchParams({ callbackUrl: step.signIn.retry, ...(step.signIn.fresh ? { prompt: "login" } : {}) })}`);
  if (!user) notFound(); // a step without a session is sign-in's
  const { appName, ownerEmail, scopes, request } = step.consent;

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

function AuthorizationError({ message, back }: { message: string; back?: string }) {
  return (
    <Card role="alert">
      <CardHeader>
        <h1 className="text-xl font-semibold">This authorization request cannot be completed</h1>
        <CardDescription>{message}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm text-muted-foreground">
        <p>Nothing was sent back to the application. Tell its developer that its authorization request is not valid.</p>
        {back && (
          <p>
            If you trust it, you can return to the application at <span className="break-all text-foreground">{new URL(back).origin}</span>{" "}
            and tell it so:{" "}
            <a href={back} rel="noreferrer" className="font-medium text-foreground underline underline-offset-4">
              Return to the application
            </a>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
