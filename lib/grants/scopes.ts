import { invalidScope } from "@/lib/base/oauth-errors";
import { store, type CatalogScope } from "@/lib/data/store";
import { isValidScopeToken } from "@/lib/tokens/schemas";

/**
 * The requested scopes, checked against RFC 6749 §3.3 syntax and a list they must stay within
 * (null: no list). Anything outside → invalid_scope.
 */
export function assertAllowedScopes(requested: string[], allowed: string[] | null): string[] {
  if (!requested.every(isValidScopeToken)) throw invalidScope();
  const outside = allowed === null ? [] : requested.filter((s) => !allowed.includes(s));
  if (outside.length > 0) throw invalidScope(`scope not allowed for this client: ${outside.join(" ")}`);

  return requested;
}

type GrantableOptions = { appId: string; requested: string[]; limit: string[] | null };

/**
 * What an application may be issued: only scopes of the admin's catalog (an empty catalog: none),
 * a privileged one only once an admin granted it to the application, and all within the
 * application's own limit (`apps update --scopes`, null: no limit). Anything else → invalid_scope
 * (RFC 6749 §5.2), so a client cannot give itself `admin` or `*` by asking.
 */
export async function assertGrantableScopes({ appId, requested, limit }: GrantableOptions): Promise<string[]> {
  if (!requested.every(isValidScopeToken)) throw invalidScope();
  if (requested.length === 0) return requested; // the catalog is read only when scopes are asked for
  const catalog = await store().listScopesFor(appId);
  const unknown = requested.filter((s) => !catalog.some((c) => c.name === s));
  if (unknown.length > 0) throw invalidScope(`not in the scope catalog: ${unknown.join(" ")}`);
  const withheld = requested.filter((s) => !isGrantable(catalog, s));
  if (withheld.length > 0) throw invalidScope(`privileged scope not granted to this client: ${withheld.join(" ")}`);

  return assertAllowedScopes(requested, limit);
}

/**
 * The part of an earlier grant the application may still hold (a refresh): a scope the admin
 * withdrew, or that left its limit, is dropped rather than carried into new tokens.
 */
export async function keepGrantableScopes({ appId, requested, limit }: GrantableOptions): Promise<string[]> {
  if (requested.length === 0) return requested;
  const catalog = await store().listScopesFor(appId);

  return requested.filter((s) => isGrantable(catalog, s) && (limit === null || limit.includes(s)));
}

function isGrantable(catalog: CatalogScope[], name: string) {
  const scope = catalog.find((c) => c.name === name);

  return scope !== undefined && (!scope.privileged || scope.granted);
}

export const splitScope = (scope: string | undefined) => [...new Set((scope ?? "").split(" ").filter(Boolean))];
