import { db } from "@/lib/data/db/client";

/** Whether the person already approved this application for every requested scope (no need to ask again). */
export async function coversRequest({ userId, clientId, scope }: { userId: string; clientId: string; scope: string[] }) {
  const grant = await db.grant.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { scope: true } });
  const granted = grant?.scope.split(" ") ?? null;

  return granted !== null && scope.every((s) => granted.includes(s));
}
