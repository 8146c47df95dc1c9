"use client";

import { fetchJson } from "@/lib/client/http/fetch-json";
import type { AppStats } from "@/lib/stats/app-stats";
import { useQuery } from "@tanstack/react-query";
import { IntrospectionsPerDayChart, PropagationChart, TokensPerDayChart } from "./activity-charts";

/** An application's last 30 days at a glance: tokens issued and revoked, introspections, revocation propagation. */
export function AppCharts({ appId }: { appId: string }) {
  const stats = useQuery({
    queryKey: ["apps", "detail", appId, "stats"],
    queryFn: () => fetchJson<AppStats>(`/api/apps/${encodeURIComponent(appId)}/stats`),
  });

  if (stats.isPending) return <p className="text-sm text-muted-foreground">Loading the charts…</p>;
  if (stats.isError) return <p className="text-sm text-destructive">Could not load the charts: {stats.error.message}</p>;

  return (
    <div className="grid min-w-0 items-start gap-6 lg:grid-cols-2">
      {(
        [
          ["Tokens issued and revoked per day", <TokensPerDayChart key="t" days={stats.data.activity} />],
          ["Introspections per day", <IntrospectionsPerDayChart key="i" days={stats.data.activity} />],
          ["Revocation propagation per gateway", <PropagationChart key="p" gateways={stats.data.propagation} />],
        ] as const
      ).map(([title, chart]) => (
        <section key={title} aria-label={title} className="grid min-w-0 gap-2">
          <h3 className="text-sm font-semibold">{title}</h3>
          {chart}
        </section>
      ))}
    </div>
  );
}
