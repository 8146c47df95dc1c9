import type { Gateway } from "@/lib/data/db/generated/sqlite/client";
import { revokeUrlWarning, type GatewaySummary } from "./schemas.shared";

export const toGatewaySummary = (g: Pick<Gateway, keyof typeof GATEWAY_PUBLIC_SELECT>): GatewaySummary => ({
  id: g.id,
  name: g.name,
  environment: g.environment,
  revokeUrl: g.revokeUrl,
  revokeUrlWarning: revokeUrlWarning(g.revokeUrl),
  canaryUrl: g.canaryUrl,
  clientId: g.clientId,
  enabled: g.disabledAt === null,
  createdAt: g.createdAt.toISOString(),
  previousSecretExpiresAt: g.previousSecretExpiresAt?.toISOString() ?? null,
});

export const GATEWAY_PUBLIC_SELECT = {
  id: true,
  name: true,
  environment: true,
  revokeUrl: true,
  canaryUrl: true,
  clientId: true,
  createdAt: true,
  disabledAt: true,
  previousSecretExpiresAt: true,
} as const;
