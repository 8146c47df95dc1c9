import { CANARY_CLIENT_ID } from "@/lib/base/canary.shared";
import { db } from "@/lib/data/db/client";

/**
 * The built-in canary client, made on first need: kind "canary", no application (so no owner and no
 * subscriber's list), no secret (so nobody can authenticate as it). Its tokens are issued by the
 * canary itself and left out of every list and count (README, "Canary").
 */
export async function ensureCanaryClient(): Promise<string> {
  await db.client.upsert({ where: { id: CANARY_CLIENT_ID }, create: { id: CANARY_CLIENT_ID, kind: "canary" }, update: {} });

  return CANARY_CLIENT_ID;
}
