// The sections of `npm run bench` after the main table: pairs of scenarios alternated in short rounds (so
// that load from other processes on a shared machine falls on both alike), and the cost of a signature.
import { load, type Scenario, type Target } from "./load";
import { median } from "./report";

const HOT_TOKENS = Number(process.env.BENCH_HOT_TOKENS ?? 1_000); // a gateway's traffic repeats its callers' tokens

/** The validation cache's effect against oidc-provider's introspection; medians, with p99s. */
export async function compareCache(
  portcullis: Target,
  oidc: Target,
  setCache: (on: boolean) => Promise<void>,
  rounds: number,
  seconds: number,
) {
  const runs: Record<string, Awaited<ReturnType<typeof load>>[]> = {
    introspect: [],
    introspect_cached: [],
    introspect_api_cached: [],
    oidc: [],
  };
  const cached = { hotTokens: HOT_TOKENS };
  for (let i = 0; i < rounds; i++) {
    await setCache(false);
    runs.introspect.push(await load(portcullis, "introspect", seconds));
    await setCache(true); // turning it on empties it: warm it first
    await load(portcullis, "introspect_cached", 2, cached);
    await load(portcullis, "introspect_api_cached", 2, cached);
    runs.introspect_cached.push(await load(portcullis, "introspect_cached", seconds, cached));
    runs.introspect_api_cached.push(await load(portcullis, "introspect_api_cached", seconds, cached));
    runs.oidc.push(await load(oidc, "introspect", seconds));
  }
  await setCache(false);
  const ref = median(runs.oidc.map((r) => r.rps));
  console.log(
    `\nAlternating ${rounds} × ${seconds} s (medians): the validation cache (${HOT_TOKENS.toLocaleString()} hot tokens) against ${oidc.name}'s introspection\n`,
  );
  console.log(`| scenario | req/s | p99 ms | server CPU µs/req | vs ${oidc.name} |`);
  console.log("|---|---:|---:|---:|---:|");
  for (const [name, rows] of Object.entries(runs)) {
    const rps = median(rows.map((r) => r.rps));
    const cpu = Math.round(median(rows.map((r) => r.cpuUs)));
    console.log(
      `| ${name === "oidc" ? `${oidc.name} introspect` : name} | ${Math.round(rps)} | ${median(rows.map((r) => r.p99))} | ${cpu} | ${(rps / ref).toFixed(2)}× |`,
    );
  }
}

/** Two scenarios (the per-API form against the plain one, JWTs against opaque tokens…) alternated; medians of each. */
export async function alternate(a: Scenario, ta: Target, b: Scenario, tb: Target, rounds: number, seconds: number) {
  const [first, second]: number[][] = [[], []];
  for (let i = 0; i < rounds; i++) {
    first.push((await load(ta, a, seconds)).rps);
    second.push((await load(tb, b, seconds)).rps);
  }
  console.log(
    `Alternating ${rounds} × ${seconds} s: ${a} (${ta.name}) ${Math.round(median(first))} req/s, ${b} (${tb.name}) ${Math.round(median(second))} req/s (medians) → ${((median(second) / median(first)) * 100).toFixed(0)}%`,
  );
}

/** CPU per signature in this process (what a JWT access token or a backend JWT adds to its request), per algorithm. */
export async function signingCost(count = 2_000) {
  const { signJwt } = await import("@/lib/engine/jwt/sign-jwt");
  const { generateKeyMaterial } = await import("@/lib/engine/keys/key-material");
  const { signingKey } = await import("@/lib/engine/keys/key-ring");
  const { SignJWT } = await import("jose");
  const { createPrivateKey } = await import("node:crypto");
  const { decryptSecret } = await import("@/lib/base/secret-box");
  const claims = { iss: "http://bench", sub: "pcl_ci_x", aud: "/bench/v1", scope: "read", iat: 1, exp: 2, jti: "x" };
  for (const alg of ["ES256", "RS256"] as const) {
    const key = createPrivateKey(decryptSecret((await generateKeyMaterial(alg)).sealedPrivateKey));
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(key);
    console.log(`Signing ${alg}: ${(Number(process.hrtime.bigint() - started) / 1e3 / count).toFixed(0)} µs per JWT (${count} in a row)`);
  }
  await signingKey(); // the key ring as the server uses it: the current key, sealed key decrypted once
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await signJwt(claims, { typ: "JWT" });
  console.log(`signJwt with the key ring: ${(Number(process.hrtime.bigint() - started) / 1e3 / count).toFixed(0)} µs per JWT`);
}
