import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";

/** A token named by an operator: the raw token (CLI) or its id (admin pages and API). Unknown → null. */
export type OperatorTarget = { token: string } | { tokenId: string };

export async function findOperatorTarget(target: OperatorTarget) {
  const where = "token" in target ? { hash: hashToken(target.token) } : { id: target.tokenId };
  const found = await db.token.findUnique({ where, select: { id: true, grantId: true, clientId: true, type: true } });
  if (!found) return null;
  const client = await db.client.findUnique({ where: { id: found.clientId }, select: { appId: true } });

  return { ...found, appId: client?.appId ?? null };
}
