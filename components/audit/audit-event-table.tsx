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
          {showApp && <TableHead className="hidden sm:table-cell">Application</TableHead>}
          <TableHead className="hidden sm:table-cell">Who</TableHead>
          <TableHead>What</TableHead>
          <TableHead className="hidden md:table-cell">IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const { title, note } = describeEvent(event);

          return (
            <TableRow key={event.id}>
              <TableCell className="whitespace-normal">
                <DateTime iso={event.createdAt} />
              </TableCell>
              {showApp && (
                <TableCell className="hidden sm:table-cell">{event.appName ?? <span className="text-muted-foreground">—</span>}</TableCell>
              )}
              <TableCell className="hidden max-w-56 truncate sm:table-cell" title={event.actor}>
                {event.actor}
              </TableCell>
              <TableCell className="whitespace-normal">
                <span className="font-medium">{title}</span>
                {note && <span className="block text-xs text-muted-foreground">{note}</span>}
                {/* On a phone the Who/App/IP columns fold into this cell. */}
                <span className="block text-xs break-all text-muted-foreground sm:hidden">
                  {[showApp ? event.appName : null, event.actor].filter(Boolean).join(" · ")}
                </span>
              </TableCell>
              <TableCell className="hidden md:table-cell">
                <code className="font-mono text-xs">{event.ip ?? "—"}</code>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
