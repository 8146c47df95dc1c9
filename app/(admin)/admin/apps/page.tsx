import { AllAppsTable } from "@/components/admin/all-apps-table";
import { requirePermission } from "@/lib/doors/auth/session";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "All applications" };

export default async function AdminAppsPage() {
  await requirePermission("apps.oversee");

  return (
    <div className="grid min-w-0 gap-6">
      <div>
        <h1 className="text-2xl font-semibold">All applications</h1>
        <p className="text-sm text-muted-foreground">
          Every subscriber&apos;s applications. Open one to see its keys, tokens and activity.
        </p>
      </div>
      <AllAppsTable />
    </div>
  );
}
