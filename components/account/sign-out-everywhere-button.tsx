"use client";

import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/lib/client/http/fetch-json";
import { useState } from "react";
import { toast } from "sonner";
import { leaveAfterSessionsEnded } from "./leave-after-sessions-ended";

export function SignOutEverywhereButton() {
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      await fetchJson("/api/account/sessions", { method: "DELETE" });
      await leaveAfterSessionsEnded("everywhere");
    } catch (err) {
      setPending(false);
      toast.error(err instanceof ApiError ? err.message : "Could not sign out everywhere. Try again.");
    }
  }

  return (
    <Button variant="outline" pending={pending} onClick={onClick}>
      Sign out everywhere
    </Button>
  );
}
