import type { Time } from "./dialect";
import type { AuditRow } from "./types";

/** One audit row, written in the transaction of the change it records (token and catalog changes). */
export const INSERT_AUDIT =
  "INSERT INTO audit_events (id, app_id, actor_id, actor, action, detail, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

export const auditParams = (r: AuditRow, time: Time) => [r.id, r.appId, r.actorId, r.actor, r.action, r.detail, r.ip, time(r.createdAt)];
