"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useAppScopes, useSetAppScope } from "@/lib/client/apps/app-scopes";
import { toast } from "sonner";

/**
 * An admin's grants of the catalog's privileged scopes to one application (open scopes need none).
 * A withdrawn scope is refused from the next request; tokens already issued keep it until they expire.
 */
export function PrivilegedScopesCard({ appId }: { appId: string }) {
  const scopes = useAppScopes(appId);
  const setScope = useSetAppScope(appId);

  function toggle(scope: string, granted: boolean) {
    setScope.mutate(
      { scope, granted },
      { onSuccess: () => toast.success(granted ? `Granted ${scope}.` : `Withdrew ${scope}: new requests for it are refused.`) },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Privileged scopes</CardTitle>
        <CardDescription>
          Only applications granted a privileged scope may request it. Withdrawing one refuses it from the next token request; tokens
          already issued keep it until they expire.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {scopes.isPending && <p className="text-sm text-muted-foreground">Loading…</p>}
        {scopes.isError && <p className="text-sm text-destructive">Could not load the scopes: {scopes.error.message}</p>}
        {setScope.isError && (
          <p role="alert" className="text-sm text-destructive">
            {setScope.error.message}
          </p>
        )}
        {scopes.data?.length === 0 && (
          <p className="text-sm text-muted-foreground">
            The catalog has no privileged scopes (<code className="font-mono">scopes create --privileged</code>).
          </p>
        )}
        {scopes.data && scopes.data.length > 0 && (
          <ul aria-label="Privileged scopes" className="grid divide-y rounded-md border">
            {scopes.data.map((s) => (
              <li key={s.name} className="flex flex-wrap items-center gap-3 p-3">
                <div className="grid min-w-0 flex-1 gap-1">
                  <code className="font-mono text-sm [overflow-wrap:anywhere]">{s.name}</code>
                  <span className="text-sm [overflow-wrap:anywhere] text-muted-foreground">{s.description}</span>
                </div>
                <Badge variant={s.grantedAt ? "success" : "outline"}>{s.grantedAt ? "Granted" : "Not granted"}</Badge>
                <Button
                  variant="outline"
                  size="sm"
                  pending={setScope.isPending && setScope.variables?.scope === s.name}
                  onClick={() => toggle(s.name, !s.grantedAt)}
                  aria-label={`${s.grantedAt ? "Withdraw" : "Grant"} ${s.name}`}
                >
                  {s.grantedAt ? "Withdraw" : "Grant"}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
