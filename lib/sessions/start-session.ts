import { db } from "@/lib/data/db/client";
import { randomBytes } from "node:crypto";

/** However often a session is renewed by use, it ends this long after sign-in. */
export const SESSION_ABSOLUTE_SECONDS = 24 * 60 * 60; // 24 h

/** Records a sign-in; the id goes into the session cookie. Also sweeps the user's sessions that ran out. */
export async function startSession({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000);
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { id, userId, createdAt: now, expiresAt } }),
  ]);

  return { id, expiresAt };
}
