import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type FiguresTableProps = { label: string; columns: string[]; rows: { key: string; cells: (string | number | null)[] }[] };

const show = (v: string | number | null) => (v === null ? "—" : typeof v === "number" ? v.toLocaleString("en") : v);

/** The figures behind a chart, folded away: the chart is for the eye, this is for everyone (screen readers included). */
export function FiguresTable({ label, columns, rows }: FiguresTableProps) {
  return (
    <details className="text-sm">
      <summary className="w-fit cursor-pointer rounded-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
        Show the figures as a table
      </summary>
      <Table aria-label={label} className="mt-2">
        <TableHeader>
          <TableRow>
            {columns.map((c, i) => (
              <TableHead key={c} scope="col" className={i > 0 ? "text-right" : undefined}>
                {c}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              {r.cells.map((v, i) => (
                <TableCell key={i} className={i > 0 ? "text-right tabular-nums" : undefined}>
                  {show(v)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
