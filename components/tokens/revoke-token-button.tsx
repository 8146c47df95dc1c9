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
import { useRevokeToken } from "@/lib/client/apps/mutations";
import { useRef } from "react";
import { toast } from "sonner";

type RevokeTokenButtonProps = { appId: string; tokenId: string; label: string; onRevoked?: () => void; focusAfterRevoke: () => void };

/**
 * "Revoke" with a confirmation; the tokens list refreshes through query invalidation. This button is gone once the
 * row says "Revoked", so focus must not return to it (or fall to <body>): `focusAfterRevoke` places it instead.
 */
export function RevokeTokenButton({ appId, tokenId, label, onRevoked, focusAfterRevoke }: RevokeTokenButtonProps) {
  const revoke = useRevokeToken(appId);
  const confirmed = useRef(false);

  function onConfirm() {
    confirmed.current = true;
    revoke.mutate(tokenId, {
      onSuccess: () => {
        toast.success(`Token ${label} revoked. Gateways stop accepting it.`);
        onRevoked?.();
        focusAfterRevoke();
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
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          // The dialog's close animation may end before or after the revocation answers; either way focus lands once.
          if (!confirmed.current) return;
          event.preventDefault();
          focusAfterRevoke();
        }}
      >
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
