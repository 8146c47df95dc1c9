import type { TokenSummary } from "@/lib/tokens/list-tokens";

export const SOURCE_LABEL = { browser: "Portal", cli: "CLI", token_endpoint: "Token endpoint", canary: "Gateway canary" } as const;
export const TYPE_LABEL = { access_token: "Access", refresh_token: "Refresh" } as const;

const SOON_MIN_MS = 5 * 60_000;

/** An active token with under a tenth of its life (and at least 5 minutes' warning) left. */
export function isExpiringSoon(t: Pick<TokenSummary, "status" | "createdAt" | "expiresAt">, now = Date.now()): boolean {
  const expires = Date.parse(t.expiresAt);
  const lifetime = expires - Date.parse(t.createdAt);

  return t.status === "active" && expires - now < Math.max(SOON_MIN_MS, lifetime / 10);
}
