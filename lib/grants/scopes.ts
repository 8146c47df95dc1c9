import { invalidScope } from "@/lib/base/oauth-errors";
import { isValidScopeToken } from "@/lib/tokens/schemas";

/**
 * The requested scopes, checked against RFC 6749 §3.3 syntax and the application's allowed list
 * (null: any scope). Anything outside → invalid_scope.
 */
export function assertAllowedScopes(requested: string[], allowed: string[] | null): string[] {
  if (!requested.every(isValidScopeToken)) throw invalidScope();
  const outside = allowed === null ? [] : requested.filter((s) => !allowed.includes(s));
  if (outside.length > 0) throw invalidScope(`scope not allowed for this client: ${outside.join(" ")}`);

  return requested;
}

export const splitScope = (scope: string | undefined) => [...new Set((scope ?? "").split(" ").filter(Boolean))];
