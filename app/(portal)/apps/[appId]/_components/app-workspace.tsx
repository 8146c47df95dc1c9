"use client";

import { AppCredentialsCard } from "@/components/apps/app-credentials-card";
import { AppLifetimesForm } from "@/components/apps/app-lifetimes-form";
import { AppSettingsForm } from "@/components/apps/app-settings-form";
import { DeleteAppDialog } from "@/components/apps/delete-app-dialog";
import { IssuerEndpointsCard } from "@/components/apps/issuer-endpoints-card";
import { AppActivity } from "@/components/audit/app-activity";
import { GenerateTokenCard } from "@/components/tokens/generate-token-card";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useApp } from "@/lib/apps/client/queries";
import type { AppSummary } from "@/lib/apps/schemas";
import type { TokenPolicy } from "@/lib/settings/definitions";
import { accessTokenLifetime } from "@/lib/settings/token-lifetime";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import type { AppTab } from "./app-tabs";

type AppWorkspaceProps = { initialApp: AppSummary; issuer: string; tab: AppTab; policy: TokenPolicy };

// The open tab lives in ?tab= so a reload or a shared link lands on it; replaceState avoids a server round trip.
const rememberTab = (tab: string) => window.history.replaceState(null, "", `?tab=${tab}`);

/** An application's page: Keys / Tokens / Activity / Settings. */
export function AppWorkspace({ initialApp, issuer, tab, policy }: AppWorkspaceProps) {
  const { data: app = initialApp } = useApp(initialApp.id, initialApp);

  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid min-w-0 gap-1">
        <Link href="/apps" className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeft className="size-4" aria-hidden="true" /> Applications
        </Link>
        <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">{app.name}</h1>
        {app.description && <p className="[overflow-wrap:anywhere] text-muted-foreground">{app.description}</p>}
      </div>
      <Tabs defaultValue={tab} onValueChange={rememberTab} className="min-w-0">
        <TabsList aria-label="Application sections">
          <TabsTrigger value="keys">Keys</TabsTrigger>
          <TabsTrigger value="tokens">Tokens</TabsTrigger>
          <TabsTrigger value="activity">Activity</TabsTrigger>
          <TabsTrigger value="settings">Settings</TabsTrigger>
        </TabsList>
        <TabsContent value="keys" className="grid min-w-0 gap-6">
          <AppCredentialsCard app={app} />
          <IssuerEndpointsCard issuer={issuer} clientId={app.clientId} />
        </TabsContent>
        <TabsContent value="tokens" className="grid min-w-0 gap-6">
          <GenerateTokenCard
            appId={app.id}
            clientId={app.clientId}
            issuer={issuer}
            allowedTtl={accessTokenLifetime(policy, { appTtl: app.accessTokenTtl })}
          />
          <section className="grid gap-3" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
              Tokens
            </h2>
            <TokensTable appId={app.id} />
          </section>
        </TabsContent>
        <TabsContent value="activity" className="grid min-w-0 gap-3">
          <h2 className="text-lg font-semibold">Activity</h2>
          <AppActivity appId={app.id} />
        </TabsContent>
        <TabsContent value="settings" className="grid min-w-0 gap-6">
          <AppSettingsForm app={app} />
          <AppLifetimesForm app={app} policy={policy} />
          <DeleteAppDialog app={app} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
