import { AddApiForm } from "@/components/apis/add-api-form";
import { ApiList } from "@/components/apis/api-list";
import { BackendJwtDefault } from "@/components/apis/backend-jwt-default";
import { TiersCard } from "@/components/apis/tiers-card";
import { listTiers } from "@/lib/apis/create-tier";
import { listAllApis } from "@/lib/apis/list-apis";
import { requirePermission } from "@/lib/doors/auth/session";
import { getAllSettings } from "@/lib/settings/settings";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "APIs" };
export const dynamic = "force-dynamic";

export default async function AdminApisPage() {
  const { actor } = await requirePermission("apis.manage");
  const [apis, tiers, settings] = await Promise.all([listAllApis({ actor }), listTiers({ actor }), getAllSettings({ actor })]);

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">APIs</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          Draft → published → deprecated (no new subscriptions) → retired (every subscription ends, gateways hear of it).
        </p>
      </div>
      <section className="grid gap-3" aria-labelledby="apis-heading">
        <h2 id="apis-heading" className="text-lg font-semibold">
          API versions
        </h2>
        <ApiList initialApis={apis} initialSettings={settings} />
      </section>
      <BackendJwtDefault initialSettings={settings} />
      <TiersCard initialTiers={tiers} />
      <AddApiForm initialTiers={tiers} />
    </div>
  );
}
