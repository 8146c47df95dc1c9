import { toBackendJwtChoice, type ApiStatus, type ApiSummary, type TierSummary } from "./schemas.shared";

export const TIER_SELECT = { id: true, name: true, requestsPerMinute: true, dailyQuota: true } as const;

export const API_SUMMARY_SELECT = {
  id: true,
  name: true,
  context: true,
  version: true,
  description: true,
  gatewayUrl: true,
  approvalRequired: true,
  status: true,
  openapi: true,
  backendJwt: true,
  createdAt: true,
  tiers: { select: { tier: { select: TIER_SELECT } } },
} as const;

type ApiRow = {
  id: string;
  name: string;
  context: string;
  version: string;
  description: string;
  gatewayUrl: string | null;
  approvalRequired: boolean;
  status: string;
  openapi: string | null;
  backendJwt: boolean | null;
  createdAt: Date;
  tiers: { tier: TierSummary }[];
};

export const toApiSummary = (a: ApiRow): ApiSummary => ({
  id: a.id,
  name: a.name,
  context: a.context,
  version: a.version,
  description: a.description,
  gatewayUrl: a.gatewayUrl,
  approvalRequired: a.approvalRequired,
  status: a.status as ApiStatus,
  hasOpenapi: a.openapi !== null,
  tiers: a.tiers.map((t) => t.tier).sort((x, y) => x.requestsPerMinute - y.requestsPerMinute),
  backendJwt: toBackendJwtChoice(a.backendJwt),
  createdAt: a.createdAt.toISOString(),
});
