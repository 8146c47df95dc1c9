import { plural } from "@/components/apps/plural";
import type { AuditEventSummary } from "@/lib/audit/list-events";
import { formatDuration } from "@/lib/base/duration.shared";
import type { AuditAction } from "@/lib/engine/audit/audit-row";
import {
  CAUSE_EVENT_TITLES,
  causeLabel,
  REVOCATION_EVENT,
  TOKEN_CHANGE_CAUSES,
  type TokenChangeCause,
} from "@/lib/engine/changes/causes.shared";
import { isOperatorName } from "@/lib/engine/identity/actor.shared";
import { isSettingKey, SETTINGS } from "@/lib/engine/settings/definitions.shared";

/** The change pipeline's actions: titled by their causes' rows (lib/engine/changes/causes.shared.ts). */
type CauseAction = Extract<(typeof TOKEN_CHANGE_CAUSES)[TokenChangeCause], { event: object }>["event"]["action"];

// Every other action's title: the type refuses a new action without one (the trail would show its raw code).
const OWN_TITLES: Record<Exclude<AuditAction, CauseAction | typeof REVOCATION_EVENT.action>, string> = {
  "app.created": "Created the application",
  "app.updated": "Updated the application",
  "secret.generated": "Generated a client secret",
  "token.generated": "Generated an access token",
  "gateway.created": "Registered a gateway",
  "gateway.updated": "Changed a gateway",
  "gateway.deleted": "Removed a gateway",
  "gateway.secret_rotated": "Rotated a gateway's signing secret",
  "gateway.client_secret_rotated": "Rotated a gateway's client secret",
  "gateway.redelivered": "Redelivered notices to a gateway",
  "gateway.verified": "Verified a gateway with a canary",
  "gateway.canary_alert": "A gateway kept admitting a revoked token",
  "settings.updated": "Changed the token policy",
  "api.created": "Added an API version",
  "api.published": "Published an API version",
  "api.deprecated": "Deprecated an API version",
  "api.retired": "Retired an API version",
  "tier.created": "Defined a tier",
  "subscription.requested": "Asked to subscribe",
  "subscription.approved": "Subscription approved",
  "subscription.rejected": "Subscription rejected",
  "subscription.blocked": "Subscription blocked",
  "subscription.removed": "Unsubscribed",
  "subscription.tier_changed": "Changed a subscription's tier",
  "user.unsuspended": "Lifted a user's suspension",
  "user.role_changed": "Changed a user's role",
  "signing_key.created": "Made the first JWT signing key",
  "signing_key.rotated": "Rotated the JWT signing key",
  "app.token_format_changed": "Changed the access token format",
  "api.backend_jwt_changed": "Changed JWT to the backend",
  "scope.changed": "Changed a scope",
  "app.scope_granted": "Granted a privileged scope",
  "app.scope_withdrawn": "Withdrew a privileged scope",
  "app.grant_types_changed": "Changed the grant types it may use",
  "grant.approved": "A person authorized the application",
  "scope.created": "Added a scope to the catalog",
};
const ACTIONS: Record<string, string> = { ...CAUSE_EVENT_TITLES, ...OWN_TITLES };

const OVERLAPS: Record<string, string> = {
  none: "old secret ended immediately",
  "1h": "old secret kept for 1 hour",
  "24h": "old secret kept for 24 hours",
};

const GRACES: Record<string, string> = {
  none: "old secret stopped at once",
  "1h": "old secret signs for 1 hour",
  "24h": "old secret signs for 24 hours",
};

const GATEWAY_FIELDS: Record<string, string> = {
  name: "name",
  environment: "environment",
  revokeUrl: "revoke URL",
  canaryUrl: "canary URL",
  enabled: "enabled",
};

/** Where an action came from, read from who did it. */
export function sourceOf(actor: string): string {
  if (isOperatorName(actor)) return "CLI";
  if (actor === "system" || actor.startsWith("system:")) return "Portcullis";
  if (actor.startsWith("client:")) return "OAuth endpoint";

  return "Portal";
}

const canaryNote = (outcome: string, refusalMs: unknown) =>
  outcome === "passed" && typeof refusalMs === "number"
    ? `passed, refused ${refusalMs.toLocaleString("en")} ms after the revocation`
    : outcome.replace("_", " ");

const show = (v: unknown) => (typeof v === "boolean" ? (v ? "yes" : "no") : `“${String(v)}”`);

function settingChange(key: string, from: unknown, to: unknown): string {
  if (!isSettingKey(key)) return `${key}: ${String(from)} → ${String(to)}`;
  const label = SETTINGS[key].label;
  if (key === "app_overrides_allowed") return `${label}: ${from === "true" ? "yes" : "no"} → ${to === "true" ? "yes" : "no"}`;

  return `${label}: ${formatDuration(Number(from))} → ${formatDuration(Number(to))}`;
}

/** One readable line for an audit event: what happened and the detail that matters, old → new values included. */
export function describeEvent({ action, detail, tokens = [] }: Pick<AuditEventSummary, "action" | "detail"> & { tokens?: string[] }): {
  title: string;
  note: string | null;
} {
  const title = ACTIONS[action] ?? action;
  const d = detail as Record<string, unknown>;
  const named = tokens.length ? tokens.join(", ") : null;
  switch (action) {
    case "token.revoked":
      return {
        title,
        note: [plural(Number(d.count ?? 0), "token"), causeLabel(String(d.reason)), named && `: ${named}`]
          .filter(Boolean)
          .join(" ")
          .replace(" :", ":"),
      };
    case "token.generated":
    case "token.regenerated": {
      const revoked = action === "token.regenerated" ? `${plural(Number(d.revokedTokens ?? 0), "token")} revoked` : null;
      return { title, note: [named, d.note ? `“${String(d.note)}”` : null, revoked].filter(Boolean).join(" · ") || null };
    }
    case "secret.regenerated":
      return { title, note: [`…${d.last4}`, OVERLAPS[String(d.overlap)]].filter(Boolean).join(", ") };
    case "secret.generated":
      return { title, note: d.last4 ? `…${d.last4}` : null };
    case "app.updated":
      if (d.from) return { title, note: `renamed from “${d.from}” to “${d.to}”` };
      if (Array.isArray(d.changed)) return { title, note: `changed ${d.changed.join(", ")}` };
      break;
    case "app.deleted":
      return { title, note: `${plural(Number(d.revokedTokens ?? 0), "token")} revoked` };
    case "settings.updated":
      return { title, note: settingChange(String(d.key), d.old, d.new) };
    case "tokens.shortened":
      return {
        title,
        note: `${plural(Number(d.count ?? 0), String(d.type ?? "token").replace("_", " "))} cut to ${formatDuration(Number(d.maxTtl))}`,
      };
    case "gateway.created":
    case "gateway.deleted":
      return { title, note: d.name ? `“${String(d.name)}”` : null };
    case "gateway.updated": {
      const before = (d.before ?? {}) as Record<string, unknown>;
      const changes = Object.keys(GATEWAY_FIELDS)
        .filter((k) => d[k] !== undefined && d[k] !== null)
        .map((k) => (k in before ? `${GATEWAY_FIELDS[k]} ${show(before[k])} → ${show(d[k])}` : `${GATEWAY_FIELDS[k]} → ${show(d[k])}`));
      const why = typeof d.reason === "string" ? ` (${d.reason})` : ""; // a gateway the deliveries stopped: "answered 410 Gone"
      return {
        title,
        note: [d.gatewayName ? `“${String(d.gatewayName)}”` : null, changes.join("; ") + why].filter(Boolean).join(": ") || null,
      };
    }
    case "gateway.secret_rotated":
    case "gateway.client_secret_rotated":
      return {
        title,
        note: [d.gatewayName && `“${String(d.gatewayName)}”`, GRACES[String(d.overlap ?? d.grace)]].filter(Boolean).join(", ") || null,
      };
    case "api.created":
      return { title, note: `${String(d.context)} ${String(d.version)}` };
    case "api.published":
    case "api.deprecated":
    case "api.retired":
      return {
        title,
        note: [String(d.api), d.endedSubscriptions ? `${plural(Number(d.endedSubscriptions), "subscription")} ended` : null]
          .filter(Boolean)
          .join(", "),
      };
    case "tier.created":
      return { title, note: `${String(d.name)}: ${String(d.requestsPerMinute)} requests/min` };
    case "subscription.requested":
    case "subscription.approved":
    case "subscription.rejected":
    case "subscription.blocked":
    case "subscription.removed":
    case "subscription.tier_changed":
      return {
        title,
        note: [
          String(d.api),
          d.tier && `tier ${String(d.tier)}`,
          d.requested && `asked for ${String(d.requested)}`,
          d.reason && `“${String(d.reason)}”`,
        ]
          .filter(Boolean)
          .join(", "),
      };
    case "user.suspended":
      return { title, note: `${String(d.email)}, ${plural(Number(d.revokedTokens ?? 0), "token")} revoked` };
    case "user.unsuspended":
      return { title, note: String(d.email) };
    case "user.role_changed":
      return { title, note: `${String(d.email)}: ${String(d.from)} → ${String(d.to)}` };
    case "signing_key.created":
      return { title, note: `${String(d.alg)} key ${String(d.kid).slice(0, 8)}…` };
    case "signing_key.rotated":
      return {
        title,
        note: `${String(d.alg)} key ${String(d.kid).slice(0, 8)}…, previous key kept ${formatDuration(Number(d.overlapSeconds ?? 0))}`,
      };
    case "app.token_format_changed":
      return { title, note: `${String(d.from)} → ${String(d.to)}` };
    case "api.backend_jwt_changed":
      return { title, note: `${String(d.api)}: ${String(d.from)} → ${String(d.to)}` };
    case "scope.changed":
      return { title, note: `${String(d.name)}: ${d.privileged ? "privileged" : "open"}` };
    case "app.scope_granted":
    case "app.scope_withdrawn":
      return { title, note: String(d.scope) };
    case "gateway.verified":
    case "gateway.canary_alert":
      return {
        title,
        note: [d.gatewayName && `“${String(d.gatewayName)}”`, canaryNote(String(d.outcome), d.refusalMs)].filter(Boolean).join(": "),
      };
    case "gateway.redelivered":
      return {
        title,
        note:
          [d.gatewayName && `“${String(d.gatewayName)}”`, d.count !== undefined && plural(Number(d.count), "notice")]
            .filter(Boolean)
            .join(", ") || null,
      };
  }

  return { title, note: null };
}
