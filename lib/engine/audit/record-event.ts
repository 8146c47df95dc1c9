import { db } from "@/lib/data/db/client";
import { toAuditRow, type AuditEventInput } from "./audit-row";

/** Appends to the audit trail. Pass a transaction client to record with the change it describes. */
export async function recordAuditEvent(event: AuditEventInput, tx: Pick<typeof db, "auditEvent"> = db) {
  const { createdAt, ...row } = toAuditRow(event);
  await tx.auditEvent.create({ data: { ...row, createdAt: new Date(createdAt) } });
}
