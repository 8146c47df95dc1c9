"use client";

import { AppSubscriptions } from "@/components/apis/app-subscriptions";
import { AppCredentialsCard } from "@/components/apps/app-credentials-card";
import { AppLifetimesForm } from "@/components/apps/app-lifetimes-form";
import { AppSettingsForm } from "@/components/apps/app-settings-form";
import { DeleteAppDialog } from "@/components/apps/delete-app-dialog";
import { IssuerEndpointsCard } from "@/components/apps/issuer-endpoints-card";
import { PrivilegedScopesCard } from "@/components/apps/privileged-scopes-card";
import { TokenFormatCard } from "@/components/apps/token-format-card";
import { AppActivity } from "@/components/audit/app-activity";
import { AppCharts } from "@/components/charts/app-charts";
import { GenerateTokenCard } from "@/components/tokens/generate-token-card";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { AppSummary } from "@/lib/apps/schemas.shared";
import { useApp } from "@/lib/client/apps/queries";
import type { TokenPolicy } from "@/lib/engine/settings/definitions.shared";
import { accessTokenLifetime } from "@/lib/engine/settings/token-lifetime.shared";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import type { AppTab } from "./app-tabs";

type AppWorkspaceProps = {
  initialApp: AppSummary;
  issuer: string;
  tab: AppTab;
  policy: TokenPolicy;
  /** An admin looking at someone else's application: keys, tokens and activity, revoking, and granting privileged scopes. */
  oversight?: { ownerEmail: string };
};

// The open tab lives in ?tab= so a reload or a shared link lands on it; replaceState avoids a server round trip.
const rememberTab = (tab: string) => window.history.replaceState(null, "", `?tab=${tab}`);

/** An application's page: Keys / Tokens / Subscriptions / Activity / Settings (under oversight: no Subscriptions or Settings, and nothing but revoking). */
export function AppWorkspace({ initialApp, issuer, tab, policy, oversight }: AppWorkspaceProps) {
  const { data: app = initialApp } = useApp(initialApp.id, initialApp);

  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid min-w-0 gap-1">
        <Link
          href={oversight ? "/admin/apps" : "/apps"}
          className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ChevronLeft className="size-4" aria-hidden="true" /> {oversight ? "All applications" : "Applications"}
        </Link>
        <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">{app.name}</h1>
        {oversight && <p className="text-sm [overflow-wrap:anywhere]">Owned by {oversight.ownerEmail}</p>}
        {app.description && <p className="[overflow-wrap:anywhere] text-muted-foreground">{app.description}</p>}
      </div>
      <Tabs defaultValue={tab} onValueChange={rememberTab} className="min-w-0">
        <TabsList aria-label="Application sections">
          <TabsTrigger value="keys">Keys</TabsTrigger>
          <TabsTrigger value="tokens">Tokens</TabsTrigger>
          {!oversight && <TabsTrigger value="subscriptions">Subscriptions</TabsTrigger>}
          <TabsTrigger value="activity">Activity</TabsTrigger>
          {!oversight && <TabsTrigger value="settings">Settings</TabsTrigger>}
        </TabsList>
        <TabsContent value="keys" className="grid min-w-0 gap-6">
          <AppCredentialsCard app={app} oversight={Boolean(oversight)} />
          <TokenFormatCard app={app} />
          {oversight && <PrivilegedScopesCard appId={app.id} />}
          <IssuerEndpointsCard issuer={issuer} clientId={app.clientId} />
        </TabsContent>
        <TabsContent value="tokens" className="grid min-w-0 gap-6">
          {!oversight && (
            <GenerateTokenCard
              appId={app.id}
              clientId={app.clientId}
              issuer={issuer}
              allowedTtl={accessTokenLifetime(policy, { appTtl: app.accessTokenTtl })}
            />
          )}
          <section className="grid gap-3" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
              Tokens
            </h2>
            <TokensTable appId={app.id} />
          </section>
        </TabsContent>
        <TabsContent value="subscriptions" className="grid min-w-0 gap-3">
          <h2 className="text-lg font-semibold">Subscriptions</h2>
          <AppSubscriptions appId={app.id} />
        </TabsContent>
        <TabsContent value="activity" className="grid min-w-0 gap-3">
          <h2 className="text-lg font-semibold">Usage</h2>
          <AppCharts appId={app.id} />
          <h2 className="text-lg font-semibold">Activity</h2>
          <AppActivity appId={app.id} />
        </TabsContent>
        {!oversight && (
          <TabsContent value="settings" className="grid min-w-0 gap-6">
            <AppSettingsForm app={app} />
            <AppLifetimesForm app={app} policy={policy} />
            <DeleteAppDialog app={app} />
          </TabsContent>
        )}
      </Tabs>
    </div>
  );
}
