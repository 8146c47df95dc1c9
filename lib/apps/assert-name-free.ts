import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";

type AssertNameFreeOptions = { ownerId: string; name: string; exceptAppId?: string };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Refuses a name another of the owner's applications already has, case and spaces aside: two of one name
 * cannot be told apart in the lists, the consent page or the trail. `exceptAppId`: the one being renamed.
 */
export async function assertNameFree({ ownerId, name, exceptAppId }: AssertNameFreeOptions) {
  const apps = await db.app.findMany({
    where: { ownerId, deletedAt: null, ...(exceptAppId ? { id: { not: exceptAppId } } : {}) },
    select: { name: true },
  });
  const taken = apps.find((a) => sameName(a.name, name));
  if (!taken) return;
  const message = `You already have an application named "${taken.name}".`;

  throw new AppError("conflict", message, { name: [message] });
}
