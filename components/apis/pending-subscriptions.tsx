"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDecideSubscription, usePendingSubscriptions } from "@/lib/client/apis/queries";
import type { SubscriptionSummary } from "@/lib/subscriptions/schemas";
import { useState } from "react";
import { toast } from "sonner";

function PendingRow({ sub }: { sub: SubscriptionSummary }) {
  const decide = useDecideSubscription();
  const [reason, setReason] = useState("");
  const what = sub.status === "pending" ? `${sub.tier} tier` : `tier change ${sub.tier} → ${sub.requestedTier}`;
  const run = (action: "approve" | "reject") =>
    decide.mutate(
      { id: sub.id, action, reason },
      {
        onSuccess: () => toast.success(`${action === "approve" ? "Approved" : "Rejected"}: ${sub.app.name} → ${sub.api.name}.`),
        onError: (e) => toast.error(e.message),
      },
    );

  return (
    <li className="grid gap-2 rounded-lg border p-4">
      <div>
        <span className="font-medium">{sub.app.name}</span> asks for{" "}
        <span className="font-medium">
          {sub.api.name} {sub.api.version}
        </span>{" "}
        ({what})
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" pending={decide.isPending} onClick={() => run("approve")}>
          Approve<span className="sr-only"> {sub.app.name}</span>
        </Button>
        <Input
          aria-label={`Reason to reject ${sub.app.name}`}
          placeholder="Reason (shown to the subscriber)"
          className="max-w-xs"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button size="sm" variant="outline" pending={decide.isPending} onClick={() => run("reject")}>
          Reject<span className="sr-only"> {sub.app.name}</span>
        </Button>
      </div>
    </li>
  );
}

/** Subscription requests and tier changes waiting for an admin. */
export function PendingSubscriptions({ initial }: { initial: SubscriptionSummary[] }) {
  const { data: pending = initial } = usePendingSubscriptions(initial);
  if (pending.length === 0) return <p className="text-sm text-muted-foreground">Nothing waits for approval.</p>;

  return (
    <ul className="grid gap-3" aria-label="Pending subscriptions">
      {pending.map((sub) => (
        <PendingRow key={sub.id} sub={sub} />
      ))}
    </ul>
  );
}
