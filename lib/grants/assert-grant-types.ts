import { AppError } from "@/lib/http/errors";
import type { GrantType } from "./grant-types";

/** A public client has no secret to authenticate client_credentials or password grants with. */
export function assertGrantTypesFit(types: GrantType[], publicClient: boolean) {
  const secretOnly = types.filter((t) => t === "client_credentials" || t === "password");
  if (publicClient && secretOnly.length > 0) {
    const why = `A public client cannot use ${secretOnly.join(" or ")}: it has no secret.`;
    throw new AppError("bad_request", why, { grantTypes: [why] });
  }
}
