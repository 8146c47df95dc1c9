"use client";

import { DateTime } from "@/components/apps/date-time";
import { TokenDeliveries } from "@/components/gateways/token-deliveries";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useAppTokens } from "@/lib/apps/client/queries";
import { KeyRound } from "lucide-react";
import { RevokeTokenButton } from "./revoke-token-button";
import { TokenStatus } from "./token-status";

const TYPE_LABEL = { access_token: "Access", refresh_token: "Refresh" } as const;

/** Every token of the application, newest first; updates without a reload after any change. */
export function TokensTable({ appId }: { appId: string }) {
  const tokens = useAppTokens(appId);

  if (tokens.isPending) return <p className="text-sm text-muted-foreground">Loading tokens…</p>;
  if (tokens.isError) return <p className="text-sm text-destructive">Could not load the tokens: {tokens.error.message}</p>;
  if (tokens.data.length === 0) {
    return (
      <EmptyState
        icon={<KeyRound />}
        title="No tokens yet"
        description="Generate an access token above, or have your client request one from the token endpoint with its credentials."
      />
    );
  }

  return (
    <Table aria-label="Tokens">
      <TableHeader>
        <TableRow>
          <TableHead>Token</TableHead>
          <TableHead className="hidden sm:table-cell">Type</TableHead>
          <TableHead className="hidden md:table-cell">Created</TableHead>
          <TableHead className="hidden sm:table-cell">Expires</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.data.map((t) => {
          const label = `${t.prefix}…${t.last4}`;

          return (
            <TableRow key={t.id} data-testid={`token-row-${t.last4}`}>
              <TableCell>
                <code className="font-mono">{label}</code>
              </TableCell>
              <TableCell className="hidden sm:table-cell">{TYPE_LABEL[t.type]}</TableCell>
              <TableCell className="hidden md:table-cell">
                <DateTime iso={t.createdAt} />
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                <DateTime iso={t.expiresAt} />
              </TableCell>
              <TableCell className="whitespace-normal">
                <TokenStatus token={t} />
                {t.status === "revoked" && <TokenDeliveries appId={appId} tokenId={t.id} />}
              </TableCell>
              <TableCell className="text-right">
                {t.status === "active" && <RevokeTokenButton appId={appId} tokenId={t.id} label={label} />}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
