// Client-safe: the subscriber's one line about a revocation, built on the server (summarize-propagation.ts) and worded here.

export type Propagation =
  | { state: "none"; ms: null }
  | { state: "reached"; ms: number }
  | {
      state: "partial";
      ms: null;
      gateways: number;
      reached: number;
      sending: number; // pending at a gateway that answers: in flight or being retried
      unreachable: number; // pending at an unreachable gateway
      failed: number; // given up on after the retry window
      leaseSeconds: number;
    };

type Rest = { count: number; one: string; many: string };

/** "Reached every gateway in 42 ms.", or "1 of 3 gateways reached; the rest are unreachable and refuse cached tokens once their 30 s lease runs out." */
export function propagationLine(p: Propagation): string {
  if (p.state === "none") return "No gateway to notify.";
  if (p.state === "reached") return `Reached every gateway in ${p.ms.toLocaleString("en")} ms.`;
  const rests: Rest[] = [
    { count: p.sending, one: "has not acknowledged yet (still sending)", many: "have not acknowledged yet (still sending)" },
    {
      count: p.unreachable,
      one: `is unreachable and refuses cached tokens once its ${p.leaseSeconds} s lease runs out`,
      many: `are unreachable and refuse cached tokens once their ${p.leaseSeconds} s lease runs out`,
    },
    { count: p.failed, one: "did not acknowledge before its retries ran out", many: "did not acknowledge before its retries ran out" },
  ].filter((r) => r.count > 0);
  // One kind of rest after some reached is "the other" / "the rest"; otherwise each is counted.
  const subject = (r: Rest) => (rests.length > 1 || p.reached === 0 ? String(r.count) : r.count === 1 ? "the other" : "the rest");
  const clauses = rests.map((r) => `${subject(r)} ${r.count === 1 ? r.one : r.many}`);

  return `${p.reached} of ${p.gateways} gateway${p.gateways === 1 ? "" : "s"} reached; ${clauses.join("; ")}.`;
}
