import { DateTime } from "@/components/apps/date-time";
import type { GatewayHealth } from "@/lib/gateways/schemas.shared";

const ms = (value: number | null) => (value === null ? "—" : `${value.toLocaleString("en")} ms`);

/** Delivery health: last outcomes, backlog, and commit-to-acknowledgement latency over the last hour. */
export function GatewayHealthFacts({ health }: { health: GatewayHealth }) {
  const facts = [
    { term: "Last success", value: <DateTime iso={health.lastSuccessAt} fallback="Never" /> },
    {
      term: "Last failure",
      value: (
        <span className="grid gap-0.5">
          <DateTime iso={health.lastFailureAt} fallback="None" />
          {health.lastError && <span className="text-xs break-words text-destructive">{health.lastError}</span>}
        </span>
      ),
    },
    {
      term: health.state.kind === "disabled" ? "Held" : "Pending",
      value: <span className={health.pending > 0 ? "text-warning" : undefined}>{health.pending}</span>,
    },
    { term: "Failed", value: <span className={health.failed > 0 ? "font-medium text-destructive" : undefined}>{health.failed}</span> },
    {
      term: "Latency p50 / p99",
      value: (
        <span>
          {ms(health.latencyP50Ms)} / {ms(health.latencyP99Ms)}
          <span className="block text-xs text-muted-foreground">
            last hour, {health.deliveredLastHour} notice{health.deliveredLastHour === 1 ? "" : "s"}
          </span>
        </span>
      ),
    },
  ];

  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
      {facts.map(({ term, value }) => (
        <div key={term} className="grid content-start gap-0.5">
          <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
