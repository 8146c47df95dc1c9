import { Activity, AppWindow, KeyRound, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAdminOverview } from "@/lib/admin/get-overview";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminOverviewPage() {
  await requireRole("admin"); // the layout checks too; pages render in parallel with it
  const overview = await getAdminOverview();
  const stats = [
    { label: "Users", value: overview.users, hint: `${overview.admins} admin${overview.admins === 1 ? "" : "s"}`, icon: Users },
    { label: "Applications", value: overview.apps, hint: "Registered, not deleted", icon: AppWindow },
    { label: "Active tokens", value: overview.activeTokens, hint: "Not revoked, not expired", icon: KeyRound },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <p className="text-muted-foreground">Everything registered in this Portcullis, at a glance.</p>
      </div>
      <section aria-labelledby="overview-heading" className="flex flex-col gap-3">
        <h2 id="overview-heading" className="sr-only">
          Overview
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
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
      </section>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Activity className="size-4" aria-hidden="true" />
            Activity
          </CardTitle>
          <CardDescription>Who did what to which application, when and from where — across every application.</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/admin/activity" className="text-sm font-medium underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring">
            Open the activity trail
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
