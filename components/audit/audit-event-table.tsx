import { DateTime } from "@/components/apps/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEventSummary } from "@/lib/audit/list-events";
import { describeEvent } from "./describe-event";

type AuditEventTableProps = { events: AuditEventSummary[]; showApp?: boolean; label?: string };

/** Who did what, when and from where — newest first. */
export function AuditEventTable({ events, showApp = false, label = "Activity" }: AuditEventTableProps) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          {showApp && <TableHead>Application</TableHead>}
          <TableHead>Who</TableHead>
          <TableHead>What</TableHead>
          <TableHead>IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const { title, note } = describeEvent(event);

          return (
            <TableRow key={event.id}>
              <TableCell>
                <DateTime iso={event.createdAt} />
              </TableCell>
              {showApp && <TableCell>{event.appName ?? <span className="text-muted-foreground">—</span>}</TableCell>}
              <TableCell className="max-w-56 truncate" title={event.actor}>
                {event.actor}
              </TableCell>
              <TableCell>
                <span className="font-medium">{title}</span>
                {note && <span className="block text-xs text-muted-foreground">{note}</span>}
              </TableCell>
              <TableCell>
                <code className="font-mono text-xs">{event.ip ?? "—"}</code>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
