import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";

export type SecretStatus = "active" | "expiring" | "expired" | "revoked";

export type SecretSummary = {
  id: string;
  last4: string;
  createdAt: string;
  expiresAt: string | null; // set while an overlap lets a replaced secret keep working
  revokedAt: string | null;
  lastUsedAt: string | null; // to within a minute (lib/engine/usage)
  status: SecretStatus;
};

type ListClientSecretsOptions = { appId: string; actor: Actor; limit?: number; now?: number };

const statusOf = (s: { expiresAt: Date | null; revokedAt: Date | null }, now: number): SecretStatus => {
  if (s.revokedAt) return "revoked";
  if (!s.expiresAt) return "active";

  return s.expiresAt.getTime() > now ? "expiring" : "expired";
};

/** The secrets of the user's application, newest first: the plain values are gone, only last 4 and dates remain. */
export async function listClientSecrets({
  appId,
  actor,
  limit = 10,
  now = Date.now(),
}: ListClientSecretsOptions): Promise<SecretSummary[]> {
  const app = await getAppOrThrow({ appId, actor, may: "apps.read" });
  const rows = await db.clientSecret.findMany({
    where: { clientId: app.clientId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, last4: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });

  return rows.map((s) => ({
    id: s.id,
    last4: s.last4,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt?.toISOString() ?? null,
    revokedAt: s.revokedAt?.toISOString() ?? null,
    lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
    status: statusOf(s, now),
  }));
}
