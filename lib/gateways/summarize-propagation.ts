import type { TokenDelivery } from "./list-app-token-deliveries";

/** What a subscriber is told about a revocation: one line, no gateway names, environments or errors. */
export type Propagation = { state: "none" | "reached" | "propagating"; ms: number | null };

/** "reached every gateway in 42 ms" once all acknowledged (the slowest one's time), else "still propagating". */
export function summarizePropagation(deliveries: TokenDelivery[]): Propagation {
  if (deliveries.length === 0) return { state: "none", ms: null };
  if (deliveries.some((d) => d.status !== "delivered")) return { state: "propagating", ms: null };

  return { state: "reached", ms: Math.max(...deliveries.map((d) => d.latencyMs ?? 0)) };
}
