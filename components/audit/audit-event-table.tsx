import { DateTime } from "@/components/apps/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEventSummary } from "@/lib/audit/list-events";
import { describeEvent, sourceOf } from "./describe-event";

type AuditEventTableProps = { events: AuditEventSummary[]; showApp?: boolean; label?: string };

/** Who did what, when and from where. Long names are cut with an ellipsis (full text on hover); the time never wraps. */
export function AuditEventTable({ events, showApp = false, label = "Activity" }: AuditEventTableProps) {
  return (
    <Table aria-label={label} className="table-fixed">
      <TableHeader>
        <TableRow>
          <TableHead className="w-28 sm:w-44">When</TableHead>
          {showApp && <TableHead className="hidden w-40 lg:table-cell">Application</TableHead>}
          <TableHead className="hidden w-52 sm:table-cell">Who</TableHead>
          <TableHead>What</TableHead>
          <TableHead className="hidden w-32 md:table-cell">IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const { title, note } = describeEvent(event);

          return (
            <TableRow key={event.id}>
              <TableCell className="align-top text-xs whitespace-normal sm:text-sm sm:whitespace-nowrap">
                <DateTime iso={event.createdAt} />
              </TableCell>
              {showApp && (
                <TableCell className="hidden truncate align-top lg:table-cell" title={event.appName ?? undefined}>
                  {event.appName ?? <span className="text-muted-foreground">—</span>}
                </TableCell>
              )}
              <TableCell className="hidden align-top sm:table-cell">
                <span className="block truncate" title={event.actor}>
                  {event.actor}
                </span>
                <span className="block text-xs text-muted-foreground">via {sourceOf(event.actor)}</span>
              </TableCell>
              <TableCell className="align-top [overflow-wrap:anywhere] whitespace-normal">
                <span className="font-medium">{title}</span>
                {note && <span className="block text-xs text-muted-foreground">{note}</span>}
                {/* On a phone the Who/App columns fold into this cell. */}
                <span
                  className={showApp ? "block text-xs text-muted-foreground lg:hidden" : "block text-xs text-muted-foreground sm:hidden"}
                >
                  {[showApp ? event.appName : null, `${event.actor} via ${sourceOf(event.actor)}`].filter(Boolean).join(" · ")}
                </span>
              </TableCell>
              <TableCell className="hidden truncate align-top md:table-cell">
                <code className="font-mono text-xs">{event.ip ?? "—"}</code>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
