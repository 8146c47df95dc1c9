import { db } from "@/lib/data/db/client";
import { at, coldQuery, plusMs } from "@/lib/data/db/cold-sql";
import type { QueuedNotices, TokenType } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

type ShortenOptions = { type: TokenType; maxTtl: number; actor: Actor; now?: number }; // maxTtl in seconds

export type ShorteningPreview = { total: number; apps: { appId: string | null; name: string; count: number }[] };

/** The dry run of a lower maximum: active tokens that would outlive it, by application. */
export async function previewShortening({ type, maxTtl, actor, now = Date.now() }: ShortenOptions): Promise<ShorteningPreview> {
  assertCan(actor, "tokens.oversee"); // the same as shortenTokens: it shows whose tokens that would cut
  const byClient = await coldQuery<{ clientId: string; count: bigint | number }>(
    `SELECT client_id AS "clientId", COUNT(*) AS count FROM tokens
      WHERE type = ? AND revoked_at IS NULL AND expires_at > :ts AND expires_at > ${plusMs("created_at")} GROUP BY client_id`,
    type,
    at(now),
    maxTtl * 1000,
  );
  const clients = await db.client.findMany({
    where: { id: { in: byClient.map((c) => c.clientId) } },
    select: { id: true, app: { select: { id: true, name: true } } },
  });
  const appOf = new Map(clients.map((c) => [c.id, c.app]));
  const apps = byClient
    .map(({ clientId, count }) => ({
      appId: appOf.get(clientId)?.id ?? null,
      name: appOf.get(clientId)?.name ?? clientId,
      count: Number(count),
    }))
    .sort((a, b) => b.count - a.count);

  return { total: apps.reduce((sum, a) => sum + a.count, 0), apps };
}

/**
 * Applies a lower maximum to tokens already issued: each expires at created + maxTtl (or now, if
 * that has passed). One transaction with the audit row and the token.updated notices, so cached
 * answers lose the old expiry; the caller flushes the notices.
 */
export async function shortenTokens({ type, maxTtl, actor, now = Date.now() }: ShortenOptions): Promise<{
  shortened: number;
  notices: QueuedNotices;
}> {
  assertCan(actor, "tokens.oversee");
  const { changed, notices } = await commitTokenChange({
    cause: "lifetime_shortened",
    tokens: { shorten: { type, maxTtlMs: maxTtl * 1000 } },
    by: actorName(actor),
    actor,
    detail: (shortened) => ({ type, maxTtl, count: shortened.length }),
    now,
  });

  return { shortened: changed.length, notices };
}
