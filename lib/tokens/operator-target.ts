import { hashToken } from "@/lib/base/hash-token";
import { store } from "@/lib/data/store";

/** A token named by an operator: the raw token (CLI) or its id (admin pages and API). Unknown → null. */
export type OperatorTarget = { token: string } | { tokenId: string };

export const findOperatorTarget = (target: OperatorTarget) =>
  store().findTokenTarget("token" in target ? { hash: hashToken(target.token) } : { id: target.tokenId });
