import { SecretValue } from "@/components/apps/secret-value";
import { ShownOnceNotice } from "@/components/apps/shown-once-notice";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedGateway } from "@/lib/gateways/create-gateway";
import { gatewayStartCommand } from "@/lib/gateways/start-command.shared";

type GatewayCredentialsRevealProps = { created: CreatedGateway; issuer: string };

/** The signing secret and introspection credentials of a new gateway, and how to start a reference gateway with them. */
export function GatewayCredentialsReveal({ created, issuer }: GatewayCredentialsRevealProps) {
  const command = gatewayStartCommand({ issuer, revokeUrl: created.gateway.revokeUrl, ...created });

  return (
    <div className="grid gap-4" data-testid="gateway-credentials-reveal">
      <ShownOnceNotice>
        Copy the signing secret and the client secret now: <strong>you won&apos;t see them again</strong>. The gateway needs both.
      </ShownOnceNotice>
      <SecretValue label="Signing secret" value={created.signingSecret} />
      <SecretValue label="Client ID" value={created.clientId} />
      <SecretValue label="Client secret" value={created.clientSecret} />
      <div className="grid gap-1.5">
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-medium">Start a reference gateway with these</span>
          <CopyButton value={command} label="Copy the start command" />
        </div>
        <pre
          className="rounded-md border bg-muted px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap"
          data-testid="gateway-start-command"
        >
          <code>{command}</code>
        </pre>
        <p className="text-sm text-muted-foreground">Point --upstream at the API this gateway protects.</p>
      </div>
    </div>
  );
}
