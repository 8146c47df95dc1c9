"use client";

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
import { useRevokeToken } from "@/lib/apps/client/mutations";
import { toast } from "sonner";

type RevokeTokenButtonProps = { appId: string; tokenId: string; label: string; onRevoked?: () => void };

/** "Revoke" with a confirmation; the tokens list refreshes through query invalidation, then `onRevoked` places focus. */
export function RevokeTokenButton({ appId, tokenId, label, onRevoked }: RevokeTokenButtonProps) {
  const revoke = useRevokeToken(appId);

  function onConfirm() {
    revoke.mutate(tokenId, {
      onSuccess: () => {
        toast.success(`Token ${label} revoked. Gateways stop accepting it.`);
        onRevoked?.(); // this button is gone once the row says "Revoked": focus must not fall to <body>
      },
      onError: (err) => toast.error(`Could not revoke ${label}: ${err.message}`),
    });
  }

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" pending={revoke.isPending} aria-label={`Revoke token ${label}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke token {label}?</AlertDialogTitle>
          <AlertDialogDescription>
            Any client using this token is refused from now on. This cannot be undone; generate a new token if you still need one.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Revoke token</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
