"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { useAppActivity } from "@/lib/apps/client/queries";
import { History } from "lucide-react";
import { AuditEventTable } from "./audit-event-table";

/** Activity tab: the application's audit trail, refreshed after every change made on this page. */
export function AppActivity({ appId }: { appId: string }) {
  const activity = useAppActivity(appId);

  if (activity.isPending) return <p className="text-sm text-muted-foreground">Loading activity…</p>;
  if (activity.isError) return <p className="text-sm text-destructive">Could not load the activity: {activity.error.message}</p>;
  if (activity.data.length === 0) {
    return (
      <EmptyState
        icon={<History />}
        title="Nothing has happened yet"
        description="Secrets and tokens you create, regenerate or revoke show up here."
      />
    );
  }

  return <AuditEventTable events={activity.data} label="Application activity" />;
}
