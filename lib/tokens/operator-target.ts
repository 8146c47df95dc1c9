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

/** Who acts: the CLI, or a signed-in admin (with the why they gave). */
export type Operator = { via: "cli" } | { via: "admin"; id: string; email: string; ip?: string | null };
export const operatorActor = (op: Operator, appId: string | null) =>
  op.via === "cli" ? { appId, actor: "cli" } : { appId, actorId: op.id, actor: op.email, ip: op.ip };
