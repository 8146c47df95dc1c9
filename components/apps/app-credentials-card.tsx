"use client";

import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PUBLIC_CLIENT_HAS_NO_SECRET, type AppSummary } from "@/lib/apps/schemas.shared";
import { useAppSecrets } from "@/lib/client/apps/queries";
import { DateTime } from "./date-time";
import { RegenerateSecretDialog } from "./regenerate-secret-dialog";
import { RelativeTime } from "./relative-time";
import { SecretStatusBadge } from "./secret-status-badge";
import { SecretValue } from "./secret-value";

/** Keys tab: the client_id, the secrets by their last 4 characters, and "Regenerate secret" (the owner's alone; a public client has none). */
export function AppCredentialsCard({ app, oversight = false }: { app: AppSummary; oversight?: boolean }) {
  if (app.publicClient) return <PublicClientCard clientId={app.clientId} />;

  return <ConfidentialClientCard app={app} oversight={oversight} />;
}

/** A public client's Keys tab: its client_id alone; it is never given a secret. */
function PublicClientCard({ clientId }: { clientId: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Client credentials</CardTitle>
        <CardDescription>{PUBLIC_CLIENT_HAS_NO_SECRET}</CardDescription>
      </CardHeader>
      <CardContent>
        <SecretValue label="Client ID" value={clientId} />
      </CardContent>
    </Card>
  );
}

function ConfidentialClientCard({ app, oversight }: { app: AppSummary; oversight: boolean }) {
  const secrets = useAppSecrets(app.id);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Client credentials</CardTitle>
        <CardDescription>Your client authenticates with these at the token endpoint (HTTP Basic or form fields).</CardDescription>
        {!oversight && (
          <CardAction>
            <RegenerateSecretDialog appId={app.id} clientId={app.clientId} />
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid gap-6">
        <SecretValue label="Client ID" value={app.clientId} />
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Client secrets</h3>
          {secrets.isError && <p className="text-sm text-destructive">Could not load the secrets: {secrets.error.message}</p>}
          <Table aria-label="Client secrets">
            <TableHeader>
              <TableRow>
                <TableHead>Secret</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="hidden sm:table-cell">Created</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead className="hidden md:table-cell">Last used</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {secrets.isPending && (
                <TableRow>
                  <TableCell colSpan={5} className="text-muted-foreground">
                    Loading…
                  </TableCell>
                </TableRow>
              )}
              {secrets.data?.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <code className="font-mono">pcl_cs_…{s.last4}</code>
                  </TableCell>
                  <TableCell>
                    <SecretStatusBadge status={s.status} />
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <DateTime iso={s.createdAt} />
                  </TableCell>
                  <TableCell className="whitespace-normal">
                    {s.revokedAt ? (
                      <span>
                        Ended <DateTime iso={s.revokedAt} />
                      </span>
                    ) : (
                      <DateTime iso={s.expiresAt} fallback="Never" />
                    )}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    {s.lastUsedAt ? <RelativeTime iso={s.lastUsedAt} /> : <span className="text-muted-foreground">Never</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
