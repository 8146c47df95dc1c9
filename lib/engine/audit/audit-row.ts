import type { AuditRow } from "@/lib/data/store/types";
import { actorName, actorUserId, type Actor } from "@/lib/engine/identity/actor.shared";
import { randomUUID } from "node:crypto";

// Apart from Prisma's writer (record-event.ts), so that a change committed in the driver store builds
// its audit rows without loading the Prisma client.

export type AuditAction =
  | "app.created"
  | "app.updated"
  | "app.deleted"
  | "secret.generated"
  | "secret.regenerated"
  | "token.generated"
  | "token.regenerated"
  | "token.revoked"
  | "gateway.created"
  | "gateway.updated"
  | "gateway.deleted"
  | "gateway.secret_rotated"
  | "gateway.client_secret_rotated"
  | "gateway.redelivered"
  | "gateway.verified" // a canary run started by an admin or the operator
  | "gateway.canary_alert" // a canary run found a gateway that acknowledged a revocation and kept admitting the token
  | "settings.updated"
  | "tokens.shortened"
  | "token.reapproved"
  | "token.reuse_detected" // a used refresh token or authorization code came back: the owner sees an alert
  | "grant.approved"
  | "grant.revoked"
  | "app.grant_types_changed"
  | "scope.created"
  | "scope.changed"
  | "app.scope_granted"
  | "app.scope_withdrawn"
  | "api.created"
  | "api.published"
  | "api.deprecated"
  | "api.retired"
  | "tier.created"
  | "subscription.requested"
  | "subscription.approved"
  | "subscription.rejected"
  | "subscription.blocked"
  | "subscription.removed"
  | "subscription.tier_changed"
  | "user.suspended"
  | "user.password_changed"
  | "user.unsuspended"
  | "user.role_changed"
  | "signing_key.created"
  | "signing_key.rotated"
  | "app.token_format_changed"
  | "api.backend_jwt_changed";

export type AuditEventInput = {
  appId: string | null;
  actor: Actor;
  action: AuditAction;
  detail?: Record<string, unknown>;
};

/**
 * One audit row, for every writer (Prisma's, record-event.ts; the driver store inside a change's transaction):
 * who, by name and user id, and from where, all read from the Actor.
 */
export const toAuditRow = (event: AuditEventInput, at = Date.now()): AuditRow => ({
  id: randomUUID(),
  appId: event.appId,
  actorId: actorUserId(event.actor),
  actor: actorName(event.actor),
  action: event.action,
  detail: JSON.stringify(event.detail ?? {}),
  ip: "ip" in event.actor ? (event.actor.ip ?? null) : null,
  createdAt: at,
});
