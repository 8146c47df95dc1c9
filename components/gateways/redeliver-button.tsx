"use client";

import { Button } from "@/components/ui/button";
import { useRedeliver } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { RotateCcw } from "lucide-react";
import { toast } from "sonner";

/** "Redeliver failed": every notice that gave up for this gateway goes back in the queue with a fresh window. */
export function RedeliverButton({ gateway, failed }: { gateway: GatewaySummary; failed: number }) {
  const redeliver = useRedeliver(gateway.id);

  function onClick() {
    redeliver.mutate(undefined, {
      onSuccess: ({ queued }) => toast.success(`${queued} notice${queued === 1 ? "" : "s"} queued again for ${gateway.name}.`),
      onError: (err) => toast.error(`Could not redeliver: ${err.message}`),
    });
  }

  return (
    <Button
      variant="outline"
      size="sm"
      pending={redeliver.isPending}
      onClick={onClick}
      aria-label={`Redeliver ${failed} failed notices to ${gateway.name}`}
    >
      <RotateCcw aria-hidden="true" /> Redeliver failed ({failed})
    </Button>
  );
}
