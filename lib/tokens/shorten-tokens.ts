import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { deliverNow } from "@/lib/gateways/delivery-worker";
import { store, type TokenType } from "@/lib/store";

type ShortenOptions = { type: TokenType; maxTtl: number; now?: number }; // maxTtl in seconds

export type ShorteningPreview = { total: number; apps: { appId: string | null; name: string; count: number }[] };

/** The dry run of a lower maximum: active tokens that would outlive it, by application. */
export async function previewShortening({ type, maxTtl, now = Date.now() }: ShortenOptions): Promise<ShorteningPreview> {
  const byClient = await store().countLongLived(type, maxTtl * 1000, now);
  const clients = await db.client.findMany({
    where: { id: { in: byClient.map((c) => c.clientId) } },
    select: { id: true, app: { select: { id: true, name: true } } },
  });
  const appOf = new Map(clients.map((c) => [c.id, c.app]));
  const apps = byClient
    .map(({ clientId, count }) => ({ appId: appOf.get(clientId)?.id ?? null, name: appOf.get(clientId)?.name ?? clientId, count }))
    .sort((a, b) => b.count - a.count);

  return { total: apps.reduce((sum, a) => sum + a.count, 0), apps };
}

/**
 * Applies a lower maximum to tokens already issued: each expires at created + maxTtl (or now,
 * if that has passed). Gateways get token.updated notices so cached answers lose the old expiry.
 */
export async function shortenTokens({
  type,
  maxTtl,
  actor,
  ip,
  now = Date.now(),
}: ShortenOptions & { actor: { id: string | null; email: string }; ip?: string | null }) {
  const { tokens, sequences } = await store().shortenTokens(type, maxTtl * 1000, now);
  deliverNow(sequences);
  if (tokens.length > 0) {
    await recordAuditEvent({
      appId: null,
      actorId: actor.id,
      actor: actor.email,
      ip,
      action: "tokens.shortened",
      detail: { type, maxTtl, count: tokens.length },
    });
  }

  return { shortened: tokens.length };
}
