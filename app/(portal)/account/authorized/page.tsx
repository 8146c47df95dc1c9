import { RevokeGrantButton } from "@/components/account/revoke-grant-button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/doors/auth/session";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { listUserGrants } from "@/lib/grants/list-user-grants";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Authorized applications" };

export default async function AuthorizedApplicationsPage() {
  const user = await requireUser();
  const grants = await listUserGrants({ actor: personActor(user) });

  return (
    <div className="mx-auto grid w-full max-w-2xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Authorized applications</h1>
        <p className="text-sm text-muted-foreground">
          Applications you allowed to act on your behalf. Revoking ends every token you gave one.
        </p>
      </div>
      {grants.length === 0 ? (
        <p className="rounded-md border px-4 py-6 text-center text-sm text-muted-foreground">You have not authorized any application.</p>
      ) : (
        <ul className="grid gap-4" aria-label="Authorized applications">
          {grants.map((g) => (
            <li key={g.clientId}>
              <Card>
                <CardHeader>
                  <h2 className="text-lg font-semibold">{g.appName}</h2>
                  <CardDescription>
                    By {g.ownerEmail || "an unknown owner"} · approved {new Date(g.approvedAt).toUTCString()} · {g.activeTokens} active
                    token
                    {g.activeTokens === 1 ? "" : "s"}
                  </CardDescription>
                </CardHeader>
                <CardContent className="flex flex-wrap items-center justify-between gap-3 text-sm">
                  <span>{g.scope.length ? `Scopes: ${g.scope.join(", ")}` : "No particular scope"}</span>
                  <RevokeGrantButton clientId={g.clientId} appName={g.appName} />
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
