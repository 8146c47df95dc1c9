// One autocannon load against one target of `npm run bench`, and what it cost the server's CPU.
import autocannon from "autocannon";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export const CONNECTIONS = 50;

export type Scenario = "issue" | "introspect" | "introspect_api" | "introspect_cached" | "introspect_api_cached" | "revoke";

/**
 * Tokens handed out one by one and never twice: each revocation a distinct token. A draw past the end
 * reuses one (an already revoked token is less work), and is counted so the report can say so.
 */
export class TokenPool {
  private next = 0;
  constructor(readonly tokens: string[]) {}
  draw(): string {
    return this.tokens[this.next++ % this.tokens.length];
  }
  get drawn() {
    return this.next;
  }
  get wrapped() {
    return Math.max(0, this.next - this.tokens.length);
  }
}

export type Target = {
  name: string;
  child: ChildProcess;
  processes: number; // the cores it may use: compared with the peer and the floor of the same count
  kind: "portcullis" | "peer" | "reference" | "floor" | "bare";
  base: string;
  paths: Partial<Record<Scenario, string>>;
  introspected: string[]; // drawn at random
  revocable?: TokenPool; // measured rounds
  warmRevocable?: TokenPool; // the warm-up's own, so the measured pool does not shrink
  auth: string;
  authFor?: Partial<Record<Scenario, string>>; // another client for this scenario
  apiParams?: string;
};

export type Row = {
  scenario: Scenario;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUs: number;
  ok: number; // 2xx answers: for revoke, the revocations Portcullis committed (each sends its notices)
};

/**
 * The server's CPU time so far (user + system, µs, its cluster workers included), from /proc: on a
 * shared machine, CPU per request varies less than req/s.
 */
export function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const own = ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime + stime, in clock ticks of 10 ms
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);

    return own + children.reduce((sum, child) => sum + cpuOf(child), 0);
  } catch {
    return NaN;
  }
}

/** The request bodies of a scenario: random draws for introspection (spread over the whole index), the pool's next token for revocation. */
function bodyFor(target: Target, scenario: Scenario, { warmUp = false, hotTokens = 0 }): () => string {
  if (scenario === "issue") return () => "grant_type=client_credentials";
  if (scenario === "revoke") {
    const pool = warmUp ? target.warmRevocable! : target.revocable!;
    return () => `token=${pool.draw()}`;
  }
  const drawn = hotTokens ? target.introspected.slice(0, hotTokens) : target.introspected;
  const any = () => drawn[Math.floor(Math.random() * drawn.length)];
  // Validation info per API: the token, its subscription and tier.
  return scenario.startsWith("introspect_api") ? () => `token=${any()}&${target.apiParams}` : () => `token=${any()}`;
}

export async function load(target: Target, scenario: Scenario, seconds: number, options: { warmUp?: boolean; hotTokens?: number } = {}) {
  const body = bodyFor(target, scenario, options);
  const cpuBefore = cpuOf(target.child.pid);
  const result = await autocannon({
    url: target.base + target.paths[scenario.replace("_cached", "") as Scenario],
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: target.authFor?.[scenario] ?? target.auth },
        setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }),
      },
    ],
  });

  return {
    scenario,
    target: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuUs: (cpuOf(target.child.pid) - cpuBefore) / Math.max(1, result.requests.total),
    ok: result["2xx"],
  } satisfies Row;
}
