// Client-safe: the grant types an application may be allowed, as the CLI and admin pages name them.

export const GRANT_TYPES = ["client_credentials", "authorization_code", "refresh_token", "password"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** New confidential applications: everything but the legacy password grant (RFC 9700 §2.4), which an admin enables. */
export const DEFAULT_GRANT_TYPES: GrantType[] = ["client_credentials", "authorization_code", "refresh_token"];
/** Public clients have no secret: authorization code + PKCE, and refresh tokens. */
export const PUBLIC_GRANT_TYPES: GrantType[] = ["authorization_code", "refresh_token"];

export const isGrantType = (value: string): value is GrantType => (GRANT_TYPES as readonly string[]).includes(value);

/** "a,b" or "a b" → the listed grant types; an unknown one is an error naming it. */
export function parseGrantTypes(list: string): GrantType[] {
  const names = [...new Set(list.split(/[\s,]+/).filter(Boolean))];
  const unknown = names.filter((n) => !isGrantType(n));
  if (unknown.length > 0) throw new Error(`Unknown grant type: ${unknown.join(", ")}. Use ${GRANT_TYPES.join(", ")}.`);

  return names as GrantType[];
}
