import { leaseSeconds } from "@/lib/engine/notices/heartbeat";
import { gatewayState } from "./gateway-state";
import type { TokenDelivery } from "./list-app-token-deliveries";
import type { Propagation } from "./propagation.shared";

/**
 * What a subscriber is told about a revocation: counts only, never gateway names, environments or errors.
 * "Reached" once every enabled gateway acknowledged (the slowest one's time); else how many did, and what
 * became of the rest: still being sent (the gateway answers), unreachable (README, "Gateway states": it
 * refuses cached tokens once its lease runs out), or given up on after the retry window.
 */
export async function summarizePropagation(deliveries: TokenDelivery[], now = Date.now()): Promise<Propagation> {
  if (deliveries.length === 0) return { state: "none", ms: null };
  const waiting = deliveries.filter((d) => d.status === "pending");
  if (waiting.length === 0 && deliveries.every((d) => d.status === "delivered")) {
    return { state: "reached", ms: Math.max(...deliveries.map((d) => d.latencyMs ?? 0)) };
  }
  const states = await Promise.all(waiting.map((d) => gatewayState(d.gatewayId, now)));
  const unreachable = states.filter((s) => s?.kind === "unreachable").length;

  return {
    state: "partial",
    ms: null,
    gateways: deliveries.length,
    reached: deliveries.filter((d) => d.status === "delivered").length,
    sending: waiting.length - unreachable,
    unreachable,
    failed: deliveries.filter((d) => d.status === "failed").length,
    leaseSeconds: leaseSeconds(),
  };
}
