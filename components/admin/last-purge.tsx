import { DateTime } from "@/components/apps/date-time";
import { plural } from "@/components/apps/plural";
import { Badge } from "@/components/ui/badge";

export type PurgeRunSummary = {
  startedAt: Date | string;
  durationMs: number;
  deletedTokens: number;
  deletedEvents: number;
  dryRun: boolean;
  trigger: string;
};

/** When dead tokens were last purged, how many went and how long it took. */
export function LastPurge({ run }: { run: PurgeRunSummary | null }) {
  if (!run) {
    return (
      <p className="text-sm text-muted-foreground">
        No purge has run yet. The worker purges every hour; <code className="font-mono">npm run cli -- tokens purge</code> runs one now.
      </p>
    );
  }

  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="last-purge">
      <dt className="text-muted-foreground">When</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <DateTime iso={new Date(run.startedAt).toISOString()} />
        {run.dryRun && <Badge variant="outline">dry run</Badge>}
      </dd>
      <dt className="text-muted-foreground">{run.dryRun ? "Would delete" : "Deleted"}</dt>
      <dd className="tabular-nums">
        {plural(run.deletedTokens, "token")}, {plural(run.deletedEvents, "feed event")}
      </dd>
      <dt className="text-muted-foreground">Took</dt>
      <dd className="tabular-nums">{run.durationMs.toLocaleString("en")} ms</dd>
      <dt className="text-muted-foreground">Started by</dt>
      <dd>{run.trigger === "schedule" ? "the hourly schedule" : run.trigger === "cli" ? "the command line" : run.trigger}</dd>
    </dl>
  );
}
