"use client";

import type { GatewayCanary } from "@/lib/stats/canary-per-day";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { FiguresTable } from "./figures-table";

const DAY = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const label = (day: string) => DAY.format(new Date(`${day}T00:00:00Z`));
const AXIS = { fontSize: 12, fill: "var(--color-muted-foreground)" };
const PALETTE = ["var(--color-primary)", "var(--color-success)", "var(--color-warning)", "var(--color-destructive)"];

/** The canary's slowest refusal per gateway and day (README, "Canary"), one line per gateway, with the table (runs and failures too). */
export function CanaryChart({ gateways }: { gateways: GatewayCanary[] }) {
  if (gateways.length === 0) return <p className="text-sm text-muted-foreground">No canary has run in the last 30 days.</p>;
  const data = gateways[0].days.map((d, i) => ({
    label: label(d.day),
    ...Object.fromEntries(gateways.map((g) => [g.gateway, g.days[i].slowestMs])),
  }));
  const failed = gateways.reduce((n, g) => n + g.days.reduce((m, d) => m + d.failed, 0), 0);

  return (
    <div className="grid gap-2">
      <figure className="grid min-w-0 content-start gap-3" data-testid="canary-chart">
        <figcaption className="text-sm text-muted-foreground">
          Milliseconds from a canary token&apos;s revocation to the gateway&apos;s refusal, the slowest run of each day;{" "}
          {failed === 0 ? "every run passed." : `${failed.toLocaleString("en")} run${failed === 1 ? "" : "s"} did not pass.`}
        </figcaption>
        {/* The drawing is for the eye; the same figures are in the table below it. */}
        <div aria-hidden="true" className="h-48 min-w-0">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -8 }}>
              <CartesianGrid vertical={false} stroke="var(--color-border)" />
              <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" minTickGap={24} />
              <YAxis tick={AXIS} unit=" ms" width={64} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {gateways.map((g, i) => (
                <Line key={g.gateway} dataKey={g.gateway} stroke={PALETTE[i % PALETTE.length]} dot connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <FiguresTable
        label="Canary runs per gateway and day"
        columns={["Day (UTC)", "Gateway", "Runs", "Not passed", "Slowest refusal (ms)"]}
        rows={gateways.flatMap((g) =>
          g.days
            .filter((d) => d.runs > 0)
            .map((d) => ({ key: `${g.gateway}-${d.day}`, cells: [label(d.day), g.gateway, d.runs, d.failed, d.slowestMs] })),
        )}
      />
    </div>
  );
}
