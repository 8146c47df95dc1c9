import { db } from "@/lib/data/db/client";
import { isOperatorName } from "@/lib/engine/identity/actor.shared";

export type TokenSource = "browser" | "cli" | "token_endpoint";
export type TokenOrigin = { source: TokenSource; note: string | null };

const SLACK_MS = 60_000; // the audit row is written just after its token

/**
 * Where each token came from, read from the audit trail: a token generated in the portal or by the
 * CLI has a token.generated/regenerated row naming it (with the note typed for it); any other token
 * was requested by the client at the token endpoint. One query per page, bounded by the page's times.
 */
export async function tokenOrigins({
  appId,
  tokens,
}: {
  appId: string | null;
  tokens: { id: string; createdAt: Date }[];
}): Promise<Map<string, TokenOrigin>> {
  const origins = new Map<string, TokenOrigin>(tokens.map((t) => [t.id, { source: "token_endpoint", note: null }]));
  if (!appId || tokens.length === 0) return origins;
  const times = tokens.map((t) => t.createdAt.getTime());
  const events = await db.auditEvent.findMany({
    where: {
      appId,
      action: { in: ["token.generated", "token.regenerated"] },
      createdAt: { gte: new Date(Math.min(...times)), lte: new Date(Math.max(...times) + SLACK_MS) },
    },
    select: { actor: true, detail: true },
  });
  for (const event of events) {
    const detail = JSON.parse(event.detail) as { tokenId?: string; note?: string };
    if (!detail.tokenId || !origins.has(detail.tokenId)) continue;
    origins.set(detail.tokenId, { source: isOperatorName(event.actor) ? "cli" : "browser", note: detail.note ?? null });
  }

  return origins;
}
