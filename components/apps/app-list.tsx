"use client";

import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useApps } from "@/lib/apps/client/queries";
import type { AppSummary } from "@/lib/apps/schemas";
import { AppWindow, Plus } from "lucide-react";
import Link from "next/link";
import { DateTime } from "./date-time";

/** The user's applications as cards that link to each application's page. */
export function AppList({ initialApps }: { initialApps: AppSummary[] }) {
  const { data: apps = initialApps } = useApps(initialApps);

  if (apps.length === 0) {
    return (
      <EmptyState
        icon={<AppWindow />}
        title="No applications yet"
        description="Create an application to get a client ID and secret, then generate an access token to call an API."
        action={
          <Link href="/apps/new" className={buttonVariants()}>
            <Plus aria-hidden="true" /> Create your first application
          </Link>
        }
      />
    );
  }

  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Applications">
      {apps.map((app) => (
        <li key={app.id} className="min-w-0">
          <Link
            href={`/apps/${app.id}`}
            className="flex h-full flex-col gap-2 rounded-xl border bg-card p-5 shadow-sm transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          >
            <span className="font-semibold [overflow-wrap:anywhere]">{app.name}</span>
            {app.description && (
              <span className="line-clamp-2 text-sm [overflow-wrap:anywhere] text-muted-foreground">{app.description}</span>
            )}
            <span className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2 text-xs text-muted-foreground">
              <code className="font-mono break-all">{app.clientId}</code>
              <span>
                Created <DateTime iso={app.createdAt} />
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
