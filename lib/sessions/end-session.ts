import { db } from "@/lib/data/db/client";

/** Sign-out: the session's cookie stops working everywhere it was copied to. */
export async function endSession({ id }: { id: unknown }) {
  if (typeof id === "string" && id) await db.session.deleteMany({ where: { id } });
}
