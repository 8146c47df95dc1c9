"use client";

import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/lib/client/http/fetch-json";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

export function RevokeGrantButton({ clientId, appName }: { clientId: string; appName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      const { revoked } = await fetchJson<{ revoked: number }>(`/api/account/grants/${encodeURIComponent(clientId)}`, { method: "DELETE" });
      toast.success(`${appName} no longer has access; ${revoked} token${revoked === 1 ? "" : "s"} revoked.`);
      router.refresh();
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : "Could not revoke access. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <Button variant="outline" size="sm" pending={pending} onClick={onClick} aria-label={`Revoke access of ${appName}`}>
      Revoke access
    </Button>
  );
}
