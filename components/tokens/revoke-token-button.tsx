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

type RevokeTokenButtonProps = { appId: string; tokenId: string; label: string };

/** "Revoke" with a confirmation; the tokens list refreshes through query invalidation. */
export function RevokeTokenButton({ appId, tokenId, label }: RevokeTokenButtonProps) {
  const revoke = useRevokeToken(appId);

  function onConfirm() {
    revoke.mutate(tokenId, {
      onSuccess: () => toast.success(`Token ${label} revoked. Gateways stop accepting it.`),
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
