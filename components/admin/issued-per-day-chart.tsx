import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type IssuedPerDayChartProps = { days: { day: string; count: number }[] };

// Days are UTC calendar days ("YYYY-MM-DD"), so they are labelled in UTC too.
const DAY = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const label = (day: string) => DAY.format(new Date(`${day}T00:00:00Z`));

/**
 * Tokens issued per day as plain CSS bars (no chart library: 30 bars need none). The bars are
 * decoration for sighted readers; the same figures are in a table anyone can open.
 */
export function IssuedPerDayChart({ days }: IssuedPerDayChartProps) {
  const busiest = Math.max(0, ...days.map((d) => d.count));
  const max = Math.max(1, busiest); // bar heights: a share of the busiest day
  const total = days.reduce((sum, d) => sum + d.count, 0);

  return (
    <figure className="grid gap-3">
      <figcaption className="text-sm text-muted-foreground">
        {total.toLocaleString("en")} issued in the last {days.length} days; the busiest day had {busiest.toLocaleString("en")}.
      </figcaption>
      <div aria-hidden="true" className="grid gap-1">
        <div className="flex h-40 items-end gap-px border-b sm:gap-1" data-testid="issued-chart">
          {days.map(({ day, count }) => (
            <div
              key={day}
              title={`${label(day)}: ${count}`}
              className={count > 0 ? "flex-1 rounded-t-sm bg-primary" : "h-px flex-1 bg-border"}
              style={count > 0 ? { height: `${Math.max(2, (count / max) * 100)}%` } : undefined}
            />
          ))}
        </div>
        {days.length > 0 && (
          <div className="flex justify-between text-xs text-muted-foreground">
            <span>{label(days[0].day)}</span>
            <span>{label(days[days.length - 1].day)}</span>
          </div>
        )}
      </div>
      <details className="text-sm">
        <summary className="w-fit cursor-pointer rounded-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Show the figures as a table
        </summary>
        <Table aria-label="Tokens issued per day" className="mt-2">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Day (UTC)</TableHead>
              <TableHead scope="col" className="text-right">
                Tokens issued
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {days.map(({ day, count }) => (
              <TableRow key={day}>
                <TableCell>
                  <time dateTime={day}>{label(day)}</time>
                </TableCell>
                <TableCell className="text-right tabular-nums">{count.toLocaleString("en")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
