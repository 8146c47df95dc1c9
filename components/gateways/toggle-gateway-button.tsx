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
import { useUpdateGateway } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { Pause, Play } from "lucide-react";
import { toast } from "sonner";

/** Enable at once; disable after a confirmation, since a disabled gateway can no longer introspect. */
export function ToggleGatewayButton({ gateway }: { gateway: GatewaySummary }) {
  const update = useUpdateGateway(gateway.id);
  const setEnabled = (enabled: boolean) =>
    update.mutate(
      { enabled },
      {
        onSuccess: () => toast.success(`Gateway ${gateway.name} ${enabled ? "enabled" : "disabled"}.`),
        onError: (err) => toast.error(`Could not ${enabled ? "enable" : "disable"} ${gateway.name}: ${err.message}`),
      },
    );

  if (!gateway.enabled) {
    return (
      <Button variant="outline" size="sm" pending={update.isPending} onClick={() => setEnabled(true)} aria-label={`Enable ${gateway.name}`}>
        <Play aria-hidden="true" /> Enable
      </Button>
    );
  }

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" pending={update.isPending} aria-label={`Disable ${gateway.name}`}>
          <Pause aria-hidden="true" /> Disable
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Disable gateway {gateway.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            It is sent nothing meanwhile, and its introspection credentials stop working, so it refuses tokens instead of trusting a cache
            that could be stale. The notices it misses are held for it and go out, in order, when you enable it again.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={() => setEnabled(false)}>Disable gateway</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
