import { db } from "@/lib/db/client";
import type { Role } from "@/lib/users/schemas";

/** The signed-in user behind a session id, or null once the session was ended or ran out. */
export async function findSession({ id, now = new Date() }: { id: unknown; now?: Date }) {
  if (typeof id !== "string" || !id) return null;
  const session = await db.session.findUnique({
    where: { id },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session || session.expiresAt <= now) return null;

  return { ...session.user, role: session.user.role as Role, expiresAt: session.expiresAt };
}
