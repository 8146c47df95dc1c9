"use client";

import { Button } from "@/components/ui/button";
import { useSendTestNotice } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { Send } from "lucide-react";
import { toast } from "sonner";

/** "Send test notice": a signed gateway.ping; whether the gateway acknowledged it, or why not, shows in a toast and inline. */
export function TestNoticeButton({ gateway }: { gateway: GatewaySummary }) {
  const ping = useSendTestNotice(gateway.id);
  const result = ping.data;
  const outcome = result && (result.ok ? "Acknowledged" : `Failed: ${result.failure}`);

  function send() {
    ping.mutate(undefined, {
      onSuccess: (r) =>
        r.ok
          ? toast.success(`${gateway.name}: test notice acknowledged`)
          : toast.error(`${gateway.name}: test notice failed (${r.failure})`),
      onError: (err) => toast.error(`Could not send a test notice: ${err.message}`),
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" size="sm" pending={ping.isPending} onClick={send} aria-label={`Send test notice to ${gateway.name}`}>
        <Send aria-hidden="true" /> Send test notice
      </Button>
      <span role="status" className={result?.ok ? "text-sm text-success" : "text-sm text-destructive"}>
        {ping.isError ? ping.error.message : outcome}
      </span>
    </div>
  );
}
