import { FirstRunChecklist } from "@/components/admin/first-run-checklist";
import { LastPurge } from "@/components/admin/last-purge";
import { CanaryChart, IntrospectionsPerDayChart, PropagationChart, TokensPerDayChart } from "@/components/charts/activity-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { firstRunChecklist } from "@/lib/admin/first-run-checklist";
import { getAdminOverview } from "@/lib/admin/get-overview";
import { requirePermission } from "@/lib/doors/auth/session";
import { activityPerDay } from "@/lib/stats/activity-per-day";
import { canaryPerDay } from "@/lib/stats/canary-per-day";
import { propagationPerDay } from "@/lib/stats/propagation-per-day";
import { tokenStats } from "@/lib/tokens/token-stats";
import { Activity, AppWindow, Ban, ChartColumn, Hourglass, KeyRound, Radio, Search, ShieldCheck, Trash2, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

type Stat = { label: string; value: number; hint: string; icon: typeof Users };

function StatList({ stats, columns }: { stats: Stat[]; columns: string }) {
  return (
    <ul className={`grid gap-4 ${columns}`}>
      {stats.map(({ label, value, hint, icon: Icon }) => (
        <li key={label}>
          <Card className="h-full gap-2">
            <CardContent className="flex flex-col gap-1">
              <p className="flex items-center gap-2 text-sm font-medium text-muted-foreground">
                <Icon className="size-4" aria-hidden="true" />
                {label}
              </p>
              <p className="text-3xl font-semibold tabular-nums">{value.toLocaleString("en")}</p>
              <p className="text-sm text-muted-foreground">{hint}</p>
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export default async function AdminOverviewPage() {
  const { actor } = await requirePermission("stats.read_all"); // the layout checks too; pages render in parallel with it
  const [overview, tokens, checklist, activity, propagation, canary] = await Promise.all([
    getAdminOverview({ actor }),
    tokenStats({ actor }),
    firstRunChecklist({ actor }),
    activityPerDay({ actor }),
    propagationPerDay({ actor }),
    canaryPerDay({ actor }),
  ]);
  const people: Stat[] = [
    { label: "Users", value: overview.users, hint: `${overview.admins} admin${overview.admins === 1 ? "" : "s"}`, icon: Users },
    { label: "Applications", value: overview.apps, hint: "Registered, not deleted", icon: AppWindow },
  ];
  const states: Stat[] = [
    { label: "Active tokens", value: tokens.active, hint: "Not revoked, not expired", icon: KeyRound },
    { label: "Expired", value: tokens.expired, hint: "Not yet purged", icon: Hourglass },
    { label: "Revoked", value: tokens.revoked, hint: "Not yet purged", icon: Ban },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <p className="text-muted-foreground">Everything registered in this Portcullis, at a glance.</p>
      </div>
      <FirstRunChecklist items={checklist} />
      <section aria-labelledby="overview-heading" className="flex flex-col gap-3">
        <h2 id="overview-heading" className="sr-only">
          Overview
        </h2>
        <StatList stats={people} columns="sm:grid-cols-2" />
      </section>
      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Tokens by state
        </h2>
        <StatList stats={states} columns="sm:grid-cols-3" />
      </section>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <ChartColumn className="size-4" aria-hidden="true" />
              Tokens issued and revoked per day
            </CardTitle>
          </CardHeader>
          <CardContent>
            <TokensPerDayChart days={activity} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Trash2 className="size-4" aria-hidden="true" />
              Last purge
            </CardTitle>
            <CardDescription>
              Dead tokens are deleted after the grace period set in the{" "}
              <Link href="/admin/token-policy" className="underline underline-offset-4">
                token policy
              </Link>
              .
            </CardDescription>
          </CardHeader>
          <CardContent>
            <LastPurge run={tokens.lastPurge} />
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Search className="size-4" aria-hidden="true" />
              Introspections per day
            </CardTitle>
          </CardHeader>
          <CardContent>
            <IntrospectionsPerDayChart days={activity} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Radio className="size-4" aria-hidden="true" />
              Revocation propagation per gateway
            </CardTitle>
            <CardDescription>p99 solid, p50 dashed.</CardDescription>
          </CardHeader>
          <CardContent>
            <PropagationChart gateways={propagation} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <ShieldCheck className="size-4" aria-hidden="true" />
              Canary refusal time per gateway
            </CardTitle>
            <CardDescription>Revoked canary token → refused, the slowest run of each day.</CardDescription>
          </CardHeader>
          <CardContent>
            <CanaryChart gateways={canary} />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Activity className="size-4" aria-hidden="true" />
            Activity
          </CardTitle>
          <CardDescription>Who did what to which application, when and from where — across every application.</CardDescription>
        </CardHeader>
        <CardContent>
          <Link
            href="/admin/activity"
            className="text-sm font-medium underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            Open the activity trail
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
