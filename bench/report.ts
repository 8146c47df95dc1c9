// The tables and ratios of `npm run bench`: each target's rounds summed up as medians, set against the
// peer (oidc-provider + Redis) and the engine's driver floor with the same number of processes.
import type { Row, Scenario, Target } from "./load";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export type Summary = {
  scenario: Scenario;
  target: Target;
  rps: number;
  min: number;
  max: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUs: number;
  wrapped: number;
};

/** The line scripts read: `ratio <engine> <scenario> vs_peer=… vs_floor=… wrapped=…`. */
export type Ratio = { engine: string; scenario: Scenario; vsPeer: number; vsFloor: number; wrapped: boolean; best: string };

export function summarize(scenario: Scenario, target: Target, rounds: Row[]): Summary {
  const rps = rounds.map((r) => r.rps);

  return {
    scenario,
    target,
    rps: median(rps),
    min: Math.min(...rps),
    max: Math.max(...rps),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpuUs: median(rounds.map((r) => r.cpuUs)),
    wrapped: scenario === "revoke" ? (target.revocable?.wrapped ?? 0) : 0,
  };
}

const sameCores = (rows: Summary[], s: Summary, kind: Target["kind"]) =>
  rows.find((r) => r.scenario === s.scenario && r.target.kind === kind && r.target.processes === s.target.processes);
const times = (x: number, of: Summary | undefined) => (of ? `${(x / of.rps).toFixed(2)}×` : "");

export function printTable(title: string, rows: Summary[]) {
  console.log(`\n${title}\n`);
  console.log(
    "| scenario | target | req/s median (min–max) | p50 ms | p99 ms | errors | server CPU µs/req | vs peer (same cores) | vs floor |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const range = `${Math.round(r.rps)} (${Math.round(r.min)}–${Math.round(r.max)})`;
    console.log(
      `| ${r.scenario} | ${r.target.name} | ${range} | ${r.p50} | ${r.p99} | ${r.errors} | ${Math.round(r.cpuUs)} | ${times(r.rps, sameCores(rows, r, "peer"))} | ${times(r.rps, sameCores(rows, r, "floor"))} |`,
    );
  }
}

/** The best Portcullis target of each scenario against the peer and the floor with its own number of processes. */
export function ratios(engine: string, rows: Summary[]): Ratio[] {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];

  return scenarios.flatMap((scenario) => {
    const of = rows.filter((r) => r.scenario === scenario);
    const best = of.filter((r) => r.target.kind === "portcullis").sort((a, b) => b.rps - a.rps)[0];
    if (!best) return [];
    const [peer, floor] = [sameCores(of, best, "peer"), sameCores(of, best, "floor")];

    return [
      {
        engine,
        scenario,
        vsPeer: peer ? best.rps / peer.rps : NaN,
        vsFloor: floor ? best.rps / floor.rps : NaN,
        wrapped: of.some((r) => r.wrapped > 0),
        best: best.target.name,
      },
    ];
  });
}

export const ratioLine = (r: Ratio) =>
  `ratio ${r.engine} ${r.scenario} vs_peer=${r.vsPeer.toFixed(2)} vs_floor=${r.vsFloor.toFixed(2)} wrapped=${r.wrapped ? "yes" : "no"}`;
