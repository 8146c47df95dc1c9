import { AuditEventTable } from "@/components/audit/audit-event-table";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listEvents } from "@/lib/audit/list-events";
import { requireRole } from "@/lib/auth/session";
import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 100;

type AdminActivityPageProps = { searchParams: Promise<{ before?: string | string[] }> };

export default async function AdminActivityPage({ searchParams }: AdminActivityPageProps) {
  const user = await requireRole("admin");
  const { before } = await searchParams;
  const cursor = typeof before === "string" && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const events = await listEvents({ user, before: cursor, limit: PAGE_SIZE });
  const older = events.length === PAGE_SIZE ? events[events.length - 1].createdAt : null;

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-muted-foreground">Every application&apos;s audit trail, deleted applications included, newest first.</p>
      </div>
      {events.length === 0 ? (
        <EmptyState
          icon={<History />}
          title="No activity yet"
          description="When subscribers create applications, secrets and tokens, each action is recorded here."
        />
      ) : (
        <AuditEventTable events={events} showApp label="All activity" />
      )}
      <div className="flex gap-2">
        {cursor && (
          <Link href="/admin/activity" className={buttonVariants({ variant: "outline" })}>
            Newest
          </Link>
        )}
        {older && (
          <Link href={{ pathname: "/admin/activity", query: { before: older } }} className={buttonVariants({ variant: "outline" })}>
            Older
          </Link>
        )}
      </div>
    </div>
  );
}
