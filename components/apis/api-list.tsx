"use client";

import { Button } from "@/components/ui/button";
import type { ApiSummary, LifecycleAction } from "@/lib/apis/schemas.shared";
import { useAdminApis, useApiLifecycle } from "@/lib/client/apis/queries";
import { useSettings, type Settings } from "@/lib/client/settings/queries";
import { toast } from "sonner";
import { BackendJwtSelect } from "./backend-jwt-select";
import { StatusBadge } from "./status-badge";

const NEXT: Record<ApiSummary["status"], LifecycleAction[]> = {
  draft: ["publish", "retire"],
  published: ["deprecate", "retire"],
  deprecated: ["retire"],
  retired: [],
};

function LifecycleButtons({ api }: { api: ApiSummary }) {
  const change = useApiLifecycle(api.id);
  const run = (action: LifecycleAction) => {
    if (
      action === "retire" &&
      !window.confirm(`Retire ${api.name} ${api.version}? Every subscription ends and gateways stop admitting it.`)
    )
      return;
    change.mutate(action, {
      onSuccess: ({ status }) => toast.success(`${api.name} ${api.version} is ${status}.`),
      onError: (err) => toast.error(err.message),
    });
  };

  return (
    <div className="flex flex-wrap gap-2">
      {NEXT[api.status].map((action) => (
        <Button
          key={action}
          size="sm"
          variant={action === "retire" ? "destructive" : "outline"}
          pending={change.isPending}
          onClick={() => run(action)}
        >
          {action[0].toUpperCase() + action.slice(1)}
          <span className="sr-only">
            {" "}
            {api.name} {api.version}
          </span>
        </Button>
      ))}
    </div>
  );
}

/** Every API version, versions of one API together, with the lifecycle moves each may make. */
export function ApiList({ initialApis, initialSettings }: { initialApis: ApiSummary[]; initialSettings: Settings }) {
  const { data: apis = initialApis } = useAdminApis(initialApis);
  const { data: settings = initialSettings } = useSettings(initialSettings);
  const globalBackendJwt = settings.backend_jwt === "true";
  const byName = new Map<string, ApiSummary[]>();
  for (const api of apis) byName.set(api.name, [...(byName.get(api.name) ?? []), api]);
  if (apis.length === 0) return <p className="text-sm text-muted-foreground">No APIs yet.</p>;

  return (
    <div className="grid gap-4">
      {[...byName].map(([name, versions]) => (
        <section key={name} className="grid gap-2 rounded-lg border p-4" aria-label={name}>
          <h3 className="font-semibold">{name}</h3>
          <ul className="grid gap-3">
            {versions.map((api) => (
              <li key={api.id} className="flex flex-wrap items-center justify-between gap-3">
                <div className="grid gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="text-sm">
                      {api.context} {api.version}
                    </code>
                    <StatusBadge status={api.status} />
                    {api.approvalRequired && <span className="text-xs text-muted-foreground">approval required</span>}
                  </div>
                  <span className="text-xs text-muted-foreground">
                    Tiers: {api.tiers.map((t) => t.name).join(", ")}
                    {api.gatewayUrl ? ` · ${api.gatewayUrl}` : ""}
                  </span>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <BackendJwtSelect api={api} globalDefault={globalBackendJwt} />
                  <LifecycleButtons api={api} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
