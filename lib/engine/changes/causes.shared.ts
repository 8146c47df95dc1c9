import type { AuditAction } from "@/lib/engine/audit/audit-row";

// Every cause that ends tokens early, shortens or re-approves them: one row each, and its name is
// the one name of the event (tokens.revoked_reason, the audit trail's `reason`, the key of its
// effect). A row says everything about the cause that is not its verb's own logic; its verbs
// commit it through lib/engine/changes/commit-token-change.ts, and its state change, if it has
// one, is built by its effect (lib/engine/changes/effects/). README, "Adding a cause".
// Client-safe: the tokens list and the audit trail read their labels from here.

type CauseRow = {
  /** How the tokens list and the audit trail say why: "Revoked … when the application was deleted". */
  label: string;
  /** The verbs that commit it. */
  verbs: readonly string[];
  /** What it does to tokens: revoked ones are announced as token.revoked, the others as token.updated. */
  change: "revoke" | "shorten" | "reapprove";
  /** A revocation writes a token.revoked audit row (not a routine one: one row per refresh would tell nobody anything). */
  auditsRevocation: boolean;
  /** An admin may re-approve the tokens it revoked (a rotated refresh token stays used, or reuse detection would lose its evidence). */
  reapprovable: boolean;
  /** Beyond the changed tokens, the validation cache drops every answer of the effect's client. */
  alsoEvicts?: "client";
  /** The cause's own audit event and its title in the trail; `onlyIfChanged`: none when no token changed. */
  event?: { action: AuditAction; title: string; onlyIfChanged?: boolean };
  /** Its own state change, committed with its tokens: the file that builds its statements. */
  effect?: string;
};

const REVOCATION = { change: "revoke", auditsRevocation: true, reapprovable: true } as const;
const REUSE_DETECTED = { action: "token.reuse_detected", title: "Detected a reused code or refresh token", onlyIfChanged: true } as const;

export const TOKEN_CHANGE_CAUSES = {
  revocation_endpoint: { ...REVOCATION, label: "at the revocation endpoint", verbs: ["lib/tokens/revoke-by-client.ts"] },
  browser: {
    ...REVOCATION,
    label: "in the portal",
    verbs: ["lib/apps/revoke-app-grant.ts", "lib/apps/revoke-selected-tokens.ts"],
  },
  regenerate: {
    ...REVOCATION,
    label: "on regenerate",
    verbs: ["lib/tokens/generate-app-token.ts"],
    event: { action: "token.regenerated", title: "Regenerated the access token" },
    effect: "lib/engine/changes/effects/regenerate.ts",
  },
  app_deleted: {
    ...REVOCATION,
    label: "when the application was deleted",
    verbs: ["lib/apps/delete-app.ts"],
    alsoEvicts: "client",
    event: { action: "app.deleted", title: "Deleted the application" },
    effect: "lib/engine/changes/effects/app-deleted.ts",
  },
  secret_regenerated: {
    ...REVOCATION,
    label: "when the client secret was regenerated",
    verbs: ["lib/clients/rotate-client-secret.ts"],
    event: { action: "secret.regenerated", title: "Regenerated the client secret" },
    effect: "lib/engine/changes/effects/secret-regenerated.ts",
  },
  cli: { ...REVOCATION, label: "from the CLI", verbs: ["lib/tokens/revoke-by-operator.ts"] },
  lifetime_shortened: {
    label: "when the maximum lifetime was lowered",
    verbs: ["lib/tokens/shorten-tokens.ts"],
    change: "shorten",
    auditsRevocation: false,
    reapprovable: true,
    event: { action: "tokens.shortened", title: "Shortened existing tokens", onlyIfChanged: true },
  },
  code_reused: {
    ...REVOCATION,
    label: "when its authorization code was used twice",
    verbs: ["lib/grants/exchange-code.ts"],
    event: REUSE_DETECTED,
  },
  refresh_rotated: {
    ...REVOCATION,
    label: "when the refresh token was used (rotation)",
    verbs: ["lib/grants/refresh-tokens.ts"],
    auditsRevocation: false,
    reapprovable: false,
    effect: "lib/engine/changes/effects/refresh-rotated.ts",
  },
  refresh_retried: {
    ...REVOCATION,
    label: "when a lost refresh response was retried",
    verbs: ["lib/grants/refresh-tokens.ts"],
    reapprovable: false,
    effect: "lib/engine/changes/effects/refresh-retried.ts",
  },
  refresh_reused: {
    ...REVOCATION,
    label: "when a used refresh token was presented again",
    verbs: ["lib/grants/refresh-tokens.ts"],
    event: REUSE_DETECTED,
  },
  grant_revoked: {
    ...REVOCATION,
    label: "when the person revoked the application's access",
    verbs: ["lib/grants/revoke-user-grant.ts"],
    event: { action: "grant.revoked", title: "Withdrew an application's access" },
    effect: "lib/engine/changes/effects/grant-revoked.ts",
  },
  admin: { ...REVOCATION, label: "by an admin", verbs: ["lib/tokens/revoke-by-operator.ts"] },
  reapproved: {
    label: "re-approved by an admin",
    verbs: ["lib/tokens/reapprove-token.ts"],
    change: "reapprove",
    auditsRevocation: false,
    reapprovable: true,
    event: { action: "token.reapproved", title: "Re-approved tokens", onlyIfChanged: true },
  },
  user_suspended: {
    ...REVOCATION,
    label: "when the owner or the person who authorized it was suspended",
    verbs: ["lib/users/suspend-user.ts"],
    event: { action: "user.suspended", title: "Suspended a user" },
    effect: "lib/engine/changes/effects/user-suspended.ts",
  },
  admin_bulk: { ...REVOCATION, label: "by an admin from the token search", verbs: ["lib/tokens/revoke-searched-tokens.ts"] },
  password_changed: {
    ...REVOCATION,
    label: "when the person changed their password",
    verbs: ["lib/users/change-password.ts"],
    event: { action: "user.password_changed", title: "Changed the password" },
    effect: "lib/engine/changes/effects/password-changed.ts",
  },
  canary: {
    label: "by the gateway canary",
    verbs: ["lib/gateways/revoke-canary-token.ts"],
    change: "revoke",
    auditsRevocation: false, // its run is the record (canary_runs), and a failed run writes the alert
    reapprovable: false, // a canary token never comes back
  },
} as const satisfies Record<string, CauseRow>;

export type TokenChangeCause = keyof typeof TOKEN_CHANGE_CAUSES;
type Row<C extends TokenChangeCause> = (typeof TOKEN_CHANGE_CAUSES)[C];
/** The causes whose row has a column: e.g. `CauseWith<{ effect: string }>`. */
export type CauseWith<Column> = { [C in TokenChangeCause]: Row<C> extends Column ? C : never }[TokenChangeCause];

/** A cause's row, read as the table's column types. */
export const causeRow = (cause: TokenChangeCause): CauseRow => TOKEN_CHANGE_CAUSES[cause];

/** The causes whose tokens stay revoked: a re-approval passes them by (their rows' `reapprovable`). */
export const NOT_REAPPROVABLE = (Object.keys(TOKEN_CHANGE_CAUSES) as TokenChangeCause[]).filter((c) => !causeRow(c).reapprovable);

/** The audit row every revocation writes (unless its cause says not), beside the cause's own event. */
export const REVOCATION_EVENT = { action: "token.revoked", title: "Revoked tokens" } as const satisfies CauseRow["event"];

export const causeLabel = (cause: string | null | undefined): string | null =>
  cause && cause in TOKEN_CHANGE_CAUSES ? TOKEN_CHANGE_CAUSES[cause as TokenChangeCause].label : null;

/** The trail's titles of the change pipeline's audit actions (each cause's own event, and token.revoked). */
export const CAUSE_EVENT_TITLES: Record<string, string> = Object.fromEntries([
  [REVOCATION_EVENT.action, REVOCATION_EVENT.title],
  ...Object.values(TOKEN_CHANGE_CAUSES).flatMap((row: CauseRow) => (row.event ? [[row.event.action, row.event.title]] : [])),
]);
