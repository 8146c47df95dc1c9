"use client";

import { plural } from "@/components/apps/plural";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useBulkRevoke, useRevocationPreview } from "@/lib/client/tokens/admin-token-queries";
import { useState } from "react";
import { toast } from "sonner";

type BulkRevokeDialogProps = { tokenIds: string[]; onDone: () => void };

/** "Revoke selected" across applications: the blast radius (tokens, applications, gateways) comes first, then the confirmation. */
export function BulkRevokeDialog({ tokenIds, onDone }: BulkRevokeDialogProps) {
  const [open, setOpen] = useState(false);
  const preview = useRevocationPreview(tokenIds, open);
  const revoke = useBulkRevoke();
  const p = preview.data;

  function onConfirm() {
    revoke.mutate(tokenIds, {
      onSuccess: ({ revoked }) => {
        toast.success(`${plural(revoked, "token")} revoked. Gateways stop accepting them.`);
        onDone();
      },
      onError: (err) => toast.error(`Nothing was revoked: ${err.message}`),
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="destructive" size="sm" pending={revoke.isPending}>
          Revoke selected ({tokenIds.length})
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{p ? `Revoke ${plural(p.tokens, "token")}?` : "Revoke the selected tokens?"}</AlertDialogTitle>
          <AlertDialogDescription>
            Each selected token is revoked with the rest of its grant; clients using them are refused from now on. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {preview.isPending && <p className="text-sm text-muted-foreground">Working out what this touches…</p>}
        {preview.isError && <p className="text-sm text-destructive">Could not work out the blast radius: {preview.error.message}</p>}
        {p && (
          <div className="grid gap-3 text-sm" data-testid="blast-radius">
            <section aria-label="Applications affected" className="grid gap-1">
              <h3 className="font-medium">In {plural(p.applications.length, "application")}</h3>
              <ul className="grid max-h-32 gap-0.5 overflow-y-auto">
                {p.applications.map((a) => (
                  <li key={a.id ?? a.name} className="[overflow-wrap:anywhere]">
                    {a.name}
                    {a.ownerEmail && <span className="text-muted-foreground"> · {a.ownerEmail}</span>} ·{" "}
                    <span className="tabular-nums">{plural(a.tokens, "token")}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label="Gateways told" className="grid gap-1">
              <h3 className="font-medium">Gateways told</h3>
              {p.gateways.length === 0 ? (
                <p className="text-muted-foreground">No gateway is registered; the catch-up feed still lists the revocation.</p>
              ) : (
                <ul className="grid gap-0.5">
                  {p.gateways.map((g) => (
                    <li key={g.name} className="[overflow-wrap:anywhere]">
                      {g.name} <span className="text-muted-foreground">({g.environment})</span>
                      {!g.enabled && <span className="text-muted-foreground"> — disabled: told when enabled again</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm} disabled={!p || p.tokens === 0}>
            {p ? `Revoke ${plural(p.tokens, "token")}` : "Revoke"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
