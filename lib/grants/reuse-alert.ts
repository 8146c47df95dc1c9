import { db } from "@/lib/data/db/client";

const ALERT_DAYS = 14;

/** The latest replay of a used refresh token or code for the application, in the last two weeks: its owner's banner. */
export async function latestReuseAlert({ appId, now = Date.now() }: { appId: string; now?: number }) {
  const event = await db.auditEvent.findFirst({
    where: { appId, action: "token.reuse_detected", createdAt: { gte: new Date(now - ALERT_DAYS * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, detail: true },
  });
  if (!event) return null;
  const detail = JSON.parse(event.detail) as { kind?: string; count?: number };

  return {
    at: event.createdAt.toISOString(),
    kind: detail.kind === "authorization_code" ? "authorization code" : "refresh token",
    count: detail.count ?? 0,
  };
}
