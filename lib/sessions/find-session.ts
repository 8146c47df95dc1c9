import { db } from "@/lib/data/db/client";
import type { Role } from "@/lib/users/schemas.shared";

/** The signed-in user behind a session id, or null once the session was ended or ran out. */
export async function findSession({ id, now = new Date() }: { id: unknown; now?: Date }) {
  if (typeof id !== "string" || !id) return null;
  const session = await db.session.findUnique({
    where: { id },
    select: { createdAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, suspendedAt: true } } },
  });
  // A suspension deletes the sessions too; this also closes a sign-in that raced it.
  if (!session || session.expiresAt <= now || session.user.suspendedAt) return null;
  const { suspendedAt: _suspended, ...user } = session.user;

  return { ...user, role: user.role as Role, signedInAt: session.createdAt.getTime(), expiresAt: session.expiresAt };
}
