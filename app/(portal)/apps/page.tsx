import { FirstRunChecklist } from "@/components/admin/first-run-checklist";
import { AppList } from "@/components/apps/app-list";
import { buttonVariants } from "@/components/ui/button";
import { firstRunChecklist } from "@/lib/admin/first-run-checklist";
import { listApps } from "@/lib/apps/list-apps";
import { requireUser } from "@/lib/doors/auth/session";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { can } from "@/lib/engine/identity/permissions.shared";
import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Applications" };

export default async function AppsPage() {
  const actor = personActor(await requireUser());
  const admin = can(actor, "stats.read_all"); // whoever reads the overview's figures sets the house up: the checklist is one
  const [firstPage, checklist] = await Promise.all([listApps({ actor, limit: 50 }), admin ? firstRunChecklist({ actor }) : []]);

  return (
    <div className="grid gap-6">
      {/* An admin's first screen: what to set up, before (or instead of) creating applications of their own. */}
      <FirstRunChecklist items={checklist} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Applications</h1>
          <p className="text-sm text-muted-foreground">Each application has its own client credentials, tokens and activity.</p>
        </div>
        <Link href="/apps/new" className={buttonVariants()}>
          <Plus aria-hidden="true" /> New application
        </Link>
      </div>
      <AppList initialPage={firstPage} admin={admin} />
    </div>
  );
}
