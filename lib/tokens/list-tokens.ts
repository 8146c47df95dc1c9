import { db } from "@/lib/db/client";
import type { TokenType } from "@/lib/store";

export type TokenStatus = "active" | "expired" | "revoked";

export type TokenSummary = {
  id: string;
  prefix: string;
  last4: string;
  type: TokenType;
  scope: string;
  createdAt: string;
  expiresAt: string;
  status: TokenStatus;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
};

const statusOf = (t: { revokedAt: Date | null; expiresAt: Date }, now: number): TokenStatus =>
  t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active";

/** The newest tokens of a client first. The caller has checked that the user may see this client. */
export async function listTokens({
  clientId,
  limit = 100,
  now = Date.now(),
}: {
  clientId: string;
  limit?: number;
  now?: number;
}): Promise<TokenSummary[]> {
  const rows = await db.token.findMany({ where: { clientId }, orderBy: { createdAt: "desc" }, take: limit });

  return rows.map((t) => ({
    id: t.id,
    prefix: t.prefix,
    last4: t.last4,
    type: t.type as TokenType,
    scope: t.scope,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    status: statusOf(t, now),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    revokedBy: t.revokedBy,
    revokedReason: t.revokedReason,
  }));
}
