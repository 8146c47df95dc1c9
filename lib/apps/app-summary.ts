import { asTokenFormat } from "@/lib/base/token-format.shared";
import type { AppSummary } from "./schemas.shared";

type AppRow = {
  id: string;
  name: string;
  description: string;
  redirectUris: string;
  accessTokenTtl: number | null;
  refreshTokenTtl: number | null;
  publicClient: boolean;
  grantTypes: string;
  allowedScopes: string | null;
  tokenFormat: string;
  createdAt: Date;
  updatedAt: Date;
  client: { id: string } | null;
};

/** Selects what `toAppSummary` needs; every app has exactly one client, created with it. */
export const APP_SUMMARY_SELECT = {
  id: true,
  name: true,
  description: true,
  redirectUris: true,
  accessTokenTtl: true,
  refreshTokenTtl: true,
  publicClient: true,
  grantTypes: true,
  allowedScopes: true,
  tokenFormat: true,
  createdAt: true,
  updatedAt: true,
  client: { select: { id: true } },
} as const;

export function toAppSummary(app: AppRow): AppSummary {
  return {
    id: app.id,
    name: app.name,
    description: app.description,
    redirectUris: JSON.parse(app.redirectUris) as string[],
    accessTokenTtl: app.accessTokenTtl,
    refreshTokenTtl: app.refreshTokenTtl,
    publicClient: app.publicClient,
    grantTypes: app.grantTypes.split(" ").filter(Boolean),
    allowedScopes: app.allowedScopes === null ? null : app.allowedScopes.split(" ").filter(Boolean),
    tokenFormat: asTokenFormat(app.tokenFormat),
    clientId: app.client?.id ?? "",
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}
