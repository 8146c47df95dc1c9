import { db } from "@/lib/data/db/client";

type Tx = Pick<typeof db, "session">;

/**
 * Ends every session of a user (sign out everywhere, a password change, a suspension). Pass a
 * transaction client to end them together with the change that requires it.
 */
export async function endUserSessions({ userId }: { userId: string }, tx: Tx = db): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });

  return count;
}
