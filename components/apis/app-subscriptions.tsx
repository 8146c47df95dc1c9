"use client";

import { NativeSelect } from "@/components/ui/native-select";
import { useAppSubscriptions, useChangeTier } from "@/lib/client/subscriptions/queries";
import { BLOCKED_STICKS } from "@/lib/subscriptions/blocked.shared";
import type { SubscriptionSummary } from "@/lib/subscriptions/schemas";
import Link from "next/link";
import { toast } from "sonner";
import { StatusBadge } from "./status-badge";
import { UnsubscribeButton } from "./unsubscribe-button";

function SubscriptionRow({ appId, sub }: { appId: string; sub: SubscriptionSummary }) {
  const changeTier = useChangeTier(appId);
  const label = `${sub.api.name} ${sub.api.version}`;
  const live = sub.api.status !== "retired";

  return (
    <li className="grid gap-2 rounded-lg border p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/apis/${sub.api.id}`} className="font-medium underline-offset-4 hover:underline">
          {label}
        </Link>
        <code className="text-xs text-muted-foreground">{sub.api.context}</code>
        <Link
          href={`/apis/${sub.api.id}#docs`}
          className="text-sm text-muted-foreground underline underline-offset-4 hover:text-foreground"
        >
          Docs<span className="sr-only"> for {label}</span>
        </Link>
        <StatusBadge status={sub.status} />
        {sub.api.status !== "published" && <StatusBadge status={sub.api.status} />}
      </div>
      <p className="text-sm text-muted-foreground">
        {sub.api.status === "retired" ? "The API is retired: this subscription has ended." : `Tier ${sub.tier}`}
        {sub.requestedTier && ` — ${sub.requestedTier} requested, waiting for approval`}
        {sub.reason && ` — ${sub.reason}`}
      </p>
      {live && sub.status === "blocked" && <p className="text-sm">{BLOCKED_STICKS}</p>}
      {live && sub.status !== "blocked" && (
        <div className="flex flex-wrap items-center gap-2">
          <NativeSelect
            aria-label={`Tier for ${label}`}
            value={sub.requestedTier ?? sub.tier}
            disabled={changeTier.isPending || (sub.status !== "active" && sub.status !== "pending")}
            onChange={(e) =>
              changeTier.mutate(
                { id: sub.id, tier: e.target.value },
                { onSuccess: () => toast.success(`Tier change for ${label} saved.`), onError: (err) => toast.error(err.message) },
              )
            }
          >
            {sub.api.tiers.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </NativeSelect>
          <UnsubscribeButton appId={appId} subscriptionId={sub.id} label={label} pending={sub.status === "pending"} />
        </div>
      )}
    </li>
  );
}

/** The application's subscriptions: API, version, tier and state; change tier, unsubscribe or withdraw a pending request (not a blocked one); each links to its API's docs. */
export function AppSubscriptions({ appId }: { appId: string }) {
  const { data: subs, isPending } = useAppSubscriptions(appId);
  if (isPending) return <p className="text-sm text-muted-foreground">Loading…</p>;
  if (!subs?.length)
    return (
      <p className="text-sm text-muted-foreground">
        No subscriptions yet. Find an API in the{" "}
        <Link href="/apis" className="underline">
          catalog
        </Link>
        .
      </p>
    );

  return (
    <ul className="grid gap-3" aria-label="Subscriptions">
      {subs.map((sub) => (
        <SubscriptionRow key={sub.id} appId={appId} sub={sub} />
      ))}
    </ul>
  );
}
