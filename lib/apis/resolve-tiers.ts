import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";

/** Tier ids by name; an unknown name is a field error on `tiers`. */
export async function resolveTiers(names: string[]): Promise<string[]> {
  const unique = [...new Set(names)];
  const found = await db.tier.findMany({ where: { name: { in: unique } }, select: { id: true, name: true } });
  const missing = unique.filter((n) => !found.some((t) => t.name === n));
  if (missing.length)
    throw new AppError("bad_request", `No tier named ${missing.join(", ")}.`, { tiers: [`No tier named ${missing.join(", ")}.`] });

  return found.map((t) => t.id);
}
