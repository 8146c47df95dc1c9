import { plural } from "@/components/apps/plural";
import type { AuditEventSummary } from "@/lib/audit/list-events";

const ACTIONS: Record<string, string> = {
  "app.created": "Created the application",
  "app.updated": "Updated the application",
  "app.deleted": "Deleted the application",
  "secret.generated": "Generated a client secret",
  "secret.regenerated": "Regenerated the client secret",
  "token.generated": "Generated an access token",
  "token.regenerated": "Regenerated the access token",
  "token.revoked": "Revoked tokens",
};

const OVERLAPS: Record<string, string> = {
  none: "old secret ended immediately",
  "1h": "old secret kept for 1 hour",
  "24h": "old secret kept for 24 hours",
};

const REASONS: Record<string, string> = {
  browser: "in the portal",
  revocation_endpoint: "at the revocation endpoint",
  regenerate: "on regenerate",
  app_deleted: "on deletion",
  secret_regenerated: "on secret regeneration",
  cli: "from the CLI",
};

/** One readable line for an audit event: what happened and the detail that matters. */
export function describeEvent({ action, detail }: Pick<AuditEventSummary, "action" | "detail">): { title: string; note: string | null } {
  const title = ACTIONS[action] ?? action;
  const d = detail as Record<string, string | number | string[] | undefined>;
  if (action === "token.revoked") {
    return { title, note: [plural(Number(d.count ?? 0), "token"), REASONS[String(d.reason)]].filter(Boolean).join(" ") };
  }
  if (action === "secret.regenerated") return { title, note: [`…${d.last4}`, OVERLAPS[String(d.overlap)]].filter(Boolean).join(", ") };
  if (action === "secret.generated") return { title, note: d.last4 ? `…${d.last4}` : null };
  if (action === "app.updated" && d.from) return { title, note: `renamed from “${d.from}” to “${d.to}”` };
  if (action === "app.updated" && Array.isArray(d.changed)) return { title, note: `changed ${d.changed.join(", ")}` };
  if (action === "app.deleted") return { title, note: `${plural(Number(d.revokedTokens ?? 0), "token")} revoked` };

  return { title, note: null };
}
