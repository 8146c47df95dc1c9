// Every cause that ends tokens early or shortens them, in one place. The store records the cause
// (tokens.revoked_reason and the audit trail); each has its verb, named here, which commits the
// cause and its token changes in one transaction (lib/engine/changes/commit-token-change.ts).
// Client-safe: the UI labels come from here too.

export const TOKEN_CHANGE_CAUSES = {
  revocation_endpoint: { label: "at the revocation endpoint", verb: "lib/tokens/revoke-by-client.ts" },
  browser: { label: "in the portal", verb: "lib/apps/revoke-app-grant.ts" },
  regenerate: { label: "on regenerate", verb: "lib/tokens/generate-app-token.ts" },
  app_deleted: { label: "when the application was deleted", verb: "lib/apps/delete-app.ts" },
  secret_regenerated: { label: "when the client secret was regenerated", verb: "lib/clients/rotate-client-secret.ts" },
  cli: { label: "from the CLI", verb: "lib/tokens/revoke-by-operator.ts" },
  lifetime_shortened: { label: "when the maximum lifetime was lowered", verb: "lib/tokens/shorten-tokens.ts" },
  code_reused: { label: "when its authorization code was used twice", verb: "lib/grants/exchange-code.ts" },
  refresh_rotated: { label: "when the refresh token was used (rotation)", verb: "lib/grants/refresh-tokens.ts" },
  refresh_retried: { label: "when a lost refresh response was retried", verb: "lib/grants/refresh-tokens.ts" },
  refresh_reused: { label: "when a used refresh token was presented again", verb: "lib/grants/refresh-tokens.ts" },
  grant_revoked: { label: "when the person revoked the application's access", verb: "lib/grants/revoke-user-grant.ts" },
  admin: { label: "by an admin", verb: "lib/tokens/revoke-by-operator.ts" },
  reapproved: { label: "re-approved by an admin", verb: "lib/tokens/reapprove-token.ts" },
  user_suspended: { label: "when the owner was suspended", verb: "lib/users/suspend-user.ts" },
  admin_bulk: { label: "by an admin from the token search", verb: "lib/tokens/revoke-searched-tokens.ts" },
} as const;

export type TokenChangeCause = keyof typeof TOKEN_CHANGE_CAUSES;

export const causeLabel = (cause: string | null | undefined): string | null =>
  cause && cause in TOKEN_CHANGE_CAUSES ? TOKEN_CHANGE_CAUSES[cause as TokenChangeCause].label : null;
