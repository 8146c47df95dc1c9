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
import { useRevokeSelectedTokens } from "@/lib/client/apps/mutations";
import { toast } from "sonner";

type RevokeSelectedButtonProps = { appId: string; selected: { id: string; label: string }[]; onDone: () => void };

/** "Revoke selected (n)": one confirmation naming the tokens, one request. */
export function RevokeSelectedButton({ appId, selected, onDone }: RevokeSelectedButtonProps) {
  const revoke = useRevokeSelectedTokens(appId);
  const count = plural(selected.length, "token");

  function onConfirm() {
    revoke.mutate(
      selected.map((s) => s.id),
      {
        onSuccess: ({ revoked }) => {
          toast.success(`${plural(revoked, "token")} revoked. Gateways stop accepting them.`);
          onDone();
        },
        onError: (err) => toast.error(`Nothing was revoked: ${err.message}`),
      },
    );
  }

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="destructive" size="sm" pending={revoke.isPending} disabled={selected.length === 0}>
          Revoke selected ({selected.length})
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke {count}?</AlertDialogTitle>
          <AlertDialogDescription>
            Clients using {selected.length === 1 ? "it" : "them"} are refused from now on, and every gateway is told. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <ul className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto" aria-label="Tokens to revoke">
          {selected.map((s) => (
            <li key={s.id}>
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{s.label}</code>
            </li>
          ))}
        </ul>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Revoke {count}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
