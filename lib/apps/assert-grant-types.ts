import { AppError } from "@/lib/base/errors.shared";
import type { GrantType } from "@/lib/base/grant-types.shared";

/** A public client has no secret to authenticate client_credentials or password grants with. */
export function assertGrantTypesFit(types: GrantType[], publicClient: boolean) {
  const secretOnly = types.filter((t) => t === "client_credentials" || t === "password");
  if (publicClient && secretOnly.length > 0) {
    const why = `A public client cannot use ${secretOnly.join(" or ")}: it has no secret.`;
    throw new AppError("bad_request", why, { grantTypes: [why] });
  }
}
