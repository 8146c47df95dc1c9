import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { GatewayWithHealth } from "@/lib/gateways/list-gateways";
import { TriangleAlert } from "lucide-react";
import { CanaryAlertBadge, CanaryFacts } from "./canary-facts";
import { DeleteGatewayDialog } from "./delete-gateway-dialog";
import { EditGatewayDialog } from "./edit-gateway-dialog";
import { GatewayHealthFacts } from "./gateway-health";
import { GatewayStateBadge, GatewayStateLine } from "./gateway-state";
import { RedeliverButton } from "./redeliver-button";
import { RotateClientSecretDialog } from "./rotate-client-secret-dialog";
import { RotateSigningSecretDialog } from "./rotate-signing-secret-dialog";
import { TestNoticeButton } from "./test-notice-button";
import { ToggleGatewayButton } from "./toggle-gateway-button";
import { VerifyButton } from "./verify-button";

/** One gateway: where it is told, how delivery to it is going, and what an admin can do about it. */
export function GatewayCard({ gateway }: { gateway: GatewayWithHealth }) {
  const headingId = `gateway-${gateway.id}`;

  return (
    <Card aria-labelledby={headingId} role="region" data-testid={`gateway-${gateway.name}`}>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <span id={headingId}>{gateway.name}</span>
          <Badge variant="outline">{gateway.environment}</Badge>
          <GatewayStateBadge state={gateway.health.state} />
          <CanaryAlertBadge canary={gateway.health.canary} />
        </CardTitle>
        <CardDescription className="grid gap-1">
          <code className="font-mono text-xs break-all">{gateway.revokeUrl}</code>
          {gateway.revokeUrlWarning && (
            <span className="flex items-start gap-1.5 text-xs text-warning">
              <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
              {gateway.revokeUrlWarning}
            </span>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <GatewayStateLine state={gateway.health.state} />
        <GatewayHealthFacts health={gateway.health} />
        <CanaryFacts canary={gateway.health.canary} />
        <div className="flex flex-wrap items-center gap-2">
          <TestNoticeButton gateway={gateway} />
          <VerifyButton gateway={gateway} />
          {gateway.health.failed > 0 && <RedeliverButton gateway={gateway} failed={gateway.health.failed} />}
        </div>
        <div className="flex flex-wrap gap-2">
          <EditGatewayDialog gateway={gateway} />
          <RotateSigningSecretDialog gateway={gateway} />
          <RotateClientSecretDialog gateway={gateway} />
          <ToggleGatewayButton gateway={gateway} />
          <DeleteGatewayDialog gateway={gateway} />
        </div>
      </CardContent>
    </Card>
  );
}
