import { PendingSubscriptions } from "@/components/apis/pending-subscriptions";
import { requirePermission } from "@/lib/doors/auth/session";
import { listPendingSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Subscriptions" };
export const dynamic = "force-dynamic";

export default async function AdminSubscriptionsPage() {
  const { actor } = await requirePermission("subscriptions.review");

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Subscription requests</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">Applications asking for an API that needs approval, or for another tier.</p>
      </div>
      <PendingSubscriptions initial={await listPendingSubscriptions({ actor })} />
    </div>
  );
}
