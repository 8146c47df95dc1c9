import { DateTime } from "@/components/apps/date-time";
import { Badge } from "@/components/ui/badge";
import type { GatewayState } from "@/lib/gateways/schemas.shared";
import type { ReactNode } from "react";

const notices = (n: number) => `${n.toLocaleString("en")} notice${n === 1 ? "" : "s"}`;

/** The state's badge: green only for a gateway that answers and has nothing waiting. */
export function GatewayStateBadge({ state }: { state: GatewayState }) {
  switch (state.kind) {
    case "healthy":
      return <Badge variant="success">Healthy</Badge>;
    case "awaiting":
      return <Badge variant="secondary">Not heard from yet</Badge>;
    case "lagging":
      return <Badge variant="warning">Lagging</Badge>;
    case "unreachable":
      return <Badge variant="destructive">Unreachable</Badge>;
    case "disabled":
      return <Badge variant="secondary">Disabled · {state.held.toLocaleString("en")} held</Badge>;
  }
}

/** What the state means for revocations, and what to do about it, in a sentence or two. */
export function GatewayStateLine({ state }: { state: GatewayState }) {
  return (
    <p className="text-sm" data-testid="gateway-state">
      {describe(state)}
    </p>
  );
}

function describe(state: GatewayState): ReactNode {
  switch (state.kind) {
    case "healthy":
      return (
        <>
          Answering: last acknowledged <DateTime iso={state.answeredAt} />, and no notice is waiting.
        </>
      );
    case "awaiting":
      return (
        <>
          Enabled <DateTime iso={state.since} />; waiting for it to acknowledge a heartbeat (one goes out every few seconds).
        </>
      );
    case "lagging":
      return (
        <>
          {notices(state.late)} waiting more than {state.afterMs / 1000} s (the oldest since <DateTime iso={state.lateSince} />
          ), though it answers heartbeats (last <DateTime iso={state.answeredAt} />
          ), which tell it the newest sequence to catch up to from the feed. Check its revoke handler: notices are retried until it
          acknowledges them.
        </>
      );
    case "unreachable":
      return (
        <>
          No answer since <DateTime iso={state.since} />
          {state.error && <> ({state.error})</>}; last acknowledged <DateTime iso={state.answeredAt} fallback="never" />. It refuses cached
          tokens once its {state.leaseSeconds} s lease runs out. {notices(state.pending)} pending, sent as soon as it answers. Check that it
          runs and that this server reaches its revoke URL.
        </>
      );
    case "disabled":
      return <>Sent nothing, and its client cannot introspect. {notices(state.held)} held, sent in order when it is enabled.</>;
  }
}
