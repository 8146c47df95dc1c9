import { AppError } from "@/lib/base/errors.shared";
import { store, type ApiRef } from "@/lib/data/store";

/** An API version by context and version (the CLI's C:V), read by the driver store like the change the CLI makes to it. */
export async function findApiIdOrThrow(ref: ApiRef): Promise<string> {
  const api = await store().findApi(ref);
  if (!api) throw new AppError("not_found", `No API ${ref.context}:${ref.version}.`);

  return api.id;
}
