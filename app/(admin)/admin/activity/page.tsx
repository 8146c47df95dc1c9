import { AllActivity } from "@/components/audit/all-activity";
import { requirePermission } from "@/lib/doors/auth/session";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Activity" };

export default async function AdminActivityPage() {
  await requirePermission("audit.read_all");

  return (
    <div className="grid min-w-0 gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-muted-foreground">
          Every application&apos;s audit trail, deleted applications included, and every admin change.
        </p>
      </div>
      <AllActivity />
    </div>
  );
}
