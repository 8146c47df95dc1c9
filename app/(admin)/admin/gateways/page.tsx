import { AddGatewayDialog } from "@/components/gateways/add-gateway-dialog";
import { CanaryScheduleForm } from "@/components/gateways/canary-schedule-form";
import { GatewayList } from "@/components/gateways/gateway-list";
import { issuer } from "@/lib/base/issuer";
import { requirePermission } from "@/lib/doors/auth/session";
import { listGateways } from "@/lib/gateways/list-gateways";
import { getAllSettings } from "@/lib/settings/settings";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Gateways" };
export const dynamic = "force-dynamic";

export default async function AdminGatewaysPage() {
  const { actor } = await requirePermission("gateways.manage"); // the layout checks too; pages render in parallel with it
  const [gateways, settings] = await Promise.all([listGateways({ actor }), getAllSettings({ actor })]);

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Gateways</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Every enabled gateway is sent a signed notice the moment a token stops being valid, and retried until it acknowledges.
          </p>
        </div>
        <AddGatewayDialog issuer={issuer()} />
      </div>
      <CanaryScheduleForm intervalSeconds={Number(settings.canary_interval)} />
      <GatewayList initialGateways={gateways} issuer={issuer()} />
    </div>
  );
}
