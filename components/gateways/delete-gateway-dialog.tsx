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
import { useDeleteGateway } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";

/** "Delete" with a confirmation: the gateway stops hearing of revocations and can no longer introspect. */
export function DeleteGatewayDialog({ gateway }: { gateway: GatewaySummary }) {
  const remove = useDeleteGateway(gateway.id);

  function onConfirm() {
    remove.mutate(undefined, {
      onSuccess: () => toast.success(`Gateway ${gateway.name} deleted.`),
      onError: (err) => toast.error(`Could not delete ${gateway.name}: ${err.message}`),
    });
  }

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" pending={remove.isPending} aria-label={`Delete ${gateway.name}`}>
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete gateway {gateway.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            Its pending notices are dropped and its client credentials stop working, so a gateway still running with them refuses every
            token. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Delete gateway</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
