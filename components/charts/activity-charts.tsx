"use client";

import type { ActivityDay } from "@/lib/stats/activity-per-day";
import type { GatewayCanary } from "@/lib/stats/canary-per-day";
import type { GatewayPropagation } from "@/lib/stats/propagation-per-day";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { FiguresTable } from "./figures-table";

// Days are UTC calendar days ("YYYY-MM-DD"), so they are labelled in UTC too.
const DAY = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const label = (day: string) => DAY.format(new Date(`${day}T00:00:00Z`));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const AXIS = { fontSize: 12, fill: "var(--color-muted-foreground)" };
const PALETTE = ["var(--color-primary)", "var(--color-success)", "var(--color-warning)", "var(--color-destructive)"];

function Figure({ caption, children, testId }: { caption: string; children: React.ReactNode; testId: string }) {
  return (
    <figure className="grid min-w-0 content-start gap-3" data-testid={testId}>
      <figcaption className="text-sm text-muted-foreground">{caption}</figcaption>
      {/* The drawing is for the eye; the same figures are in the table below it. */}
      <div aria-hidden="true" className="h-48 min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Tokens issued and revoked per day, as bars, with their table. */
export function TokensPerDayChart({ days }: { days: ActivityDay[] }) {
  const data = days.map((d) => ({ ...d, label: label(d.day) }));

  return (
    <div className="grid gap-2">
      <Figure
        testId="tokens-per-day-chart"
        caption={`${sum(days.map((d) => d.issued)).toLocaleString("en")} issued and ${sum(days.map((d) => d.revoked)).toLocaleString("en")} revoked in the last ${days.length} days.`}
      >
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={AXIS} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="issued" name="Issued" fill="var(--color-primary)" isAnimationActive={false} />
          <Bar dataKey="revoked" name="Revoked" fill="var(--color-destructive)" isAnimationActive={false} />
        </BarChart>
      </Figure>
      <FiguresTable
        label="Tokens issued and revoked per day"
        columns={["Day (UTC)", "Issued", "Revoked"]}
        rows={days.map((d) => ({ key: d.day, cells: [label(d.day), d.issued, d.revoked] }))}
      />
    </div>
  );
}

/** Introspections per day (counted in memory, written once a minute), with their table. */
export function IntrospectionsPerDayChart({ days }: { days: ActivityDay[] }) {
  const data = days.map((d) => ({ ...d, label: label(d.day) }));

  return (
    <div className="grid gap-2">
      <Figure
        testId="introspections-per-day-chart"
        caption={`${sum(days.map((d) => d.introspections)).toLocaleString("en")} introspections in the last ${days.length} days (counted to within a minute).`}
      >
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={AXIS} />
          <Tooltip />
          <Bar dataKey="introspections" name="Introspections" fill="var(--color-primary)" isAnimationActive={false} />
        </BarChart>
      </Figure>
      <FiguresTable
        label="Introspections per day"
        columns={["Day (UTC)", "Introspections"]}
        rows={days.map((d) => ({ key: d.day, cells: [label(d.day), d.introspections] }))}
      />
    </div>
  );
}

/** Revocation propagation per gateway over time: p99 as a solid line, p50 dashed, one colour per gateway, with the table. */
export function PropagationChart({ gateways }: { gateways: GatewayPropagation[] }) {
  if (gateways.length === 0) {
    return <p className="text-sm text-muted-foreground">No gateway has acknowledged a revocation in the last 30 days.</p>;
  }
  const days = gateways[0].days.map((d) => d.day);
  const data = days.map((day, i) => ({
    label: label(day),
    ...Object.fromEntries(
      gateways.flatMap((g) => [
        [`${g.gateway} p50`, g.days[i].p50],
        [`${g.gateway} p99`, g.days[i].p99],
      ]),
    ),
  }));
  const worst = Math.max(0, ...gateways.flatMap((g) => g.days.map((d) => d.p99 ?? 0)));

  return (
    <div className="grid gap-2">
      <Figure
        testId="propagation-chart"
        caption={`Milliseconds from a revocation to each gateway's acknowledgement, per day; the slowest day's p99 was ${worst.toLocaleString("en")} ms.`}
      >
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -8 }}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" minTickGap={24} />
          <YAxis tick={AXIS} unit=" ms" width={64} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {gateways.flatMap((g, i) => [
            <Line
              key={`${g.gateway}-p99`}
              dataKey={`${g.gateway} p99`}
              stroke={PALETTE[i % PALETTE.length]}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
            <Line
              key={`${g.gateway}-p50`}
              dataKey={`${g.gateway} p50`}
              stroke={PALETTE[i % PALETTE.length]}
              strokeDasharray="4 3"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
          ])}
        </LineChart>
      </Figure>
      <FiguresTable
        label="Revocation propagation per gateway and day"
        columns={["Day (UTC)", "Gateway", "p50 (ms)", "p99 (ms)", "Notices"]}
        rows={gateways.flatMap((g) =>
          g.days
            .filter((d) => d.notices > 0)
            .map((d) => ({ key: `${g.gateway}-${d.day}`, cells: [label(d.day), g.gateway, d.p50, d.p99, d.notices] })),
        )}
      />
    </div>
  );
}

/** The canary's slowest refusal per gateway and day (README, "Canary"), one line per gateway, with the table (runs and failures too). */
export function CanaryChart({ gateways }: { gateways: GatewayCanary[] }) {
  if (gateways.length === 0) return <p className="text-sm text-muted-foreground">No canary has run in the last 30 days.</p>;
  const data = gateways[0].days.map((d, i) => ({
    label: label(d.day),
    ...Object.fromEntries(gateways.map((g) => [g.gateway, g.days[i].slowestMs])),
  }));
  const failed = sum(gateways.map((g) => sum(g.days.map((d) => d.failed))));

  return (
    <div className="grid gap-2">
      <Figure
        testId="canary-chart"
        caption={`Milliseconds from a canary token's revocation to the gateway's refusal, the slowest run of each day; ${
          failed === 0 ? "every run passed." : `${failed.toLocaleString("en")} run${failed === 1 ? "" : "s"} did not pass.`
        }`}
      >
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
      </Figure>
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
