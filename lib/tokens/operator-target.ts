import { AppError } from "@/lib/base/errors.shared";
import { hashToken } from "@/lib/base/hash-token";
import { store } from "@/lib/data/store";

/** A token named by an operator: the raw token (CLI, the admin's form) or its id (admin pages and API). */
export type OperatorTarget = { token: string } | { tokenId: string };

/** The operator's token, or not_found naming the field: a typo must not read as "0 tokens changed". */
export async function findOperatorTarget(target: OperatorTarget) {
  const found = await store().findTokenTarget("token" in target ? { hash: hashToken(target.token) } : { id: target.tokenId });
  if (!found) {
    const field = "token" in target ? "token" : "tokenId";
    throw new AppError("not_found", "No token has this value.", { [field]: ["No token has this value: check it was copied whole."] });
  }

  return found;
}
