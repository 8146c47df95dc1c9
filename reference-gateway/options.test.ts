import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { gatewayOptionsSchema } from "./options";
import { parseCli } from "./parse-cli";
import { newSecret } from "./testing/harness";

const FLAGS = [
  "--port",
  "8081",
  "--upstream",
  "http://127.0.0.1:9000/api/",
  "--key-manager",
  "http://127.0.0.1:3000",
  "--client-id",
  "gw",
  "--client-secret",
  "s",
];

describe("reference gateway: options", () => {
  it("reads flags, falls back to the environment, and splits a comma-separated secret list", () => {
    const [a, b] = [newSecret(), newSecret()];
    const options = gatewayOptionsSchema.parse(
      parseCli(FLAGS, { GATEWAY_SIGNING_SECRET: `${a}, ${b}`, GATEWAY_CACHE_TTL: "60", GATEWAY_PORT: "1" }),
    );
    expect(options).toMatchObject({
      port: 8081,
      upstream: "http://127.0.0.1:9000/api",
      signingSecret: [a, b],
      ttl: 60,
      revokePath: "/portcullis/revoke",
      host: "127.0.0.1",
      after: 0,
    });
  });

  it("takes everything from the environment, and repeated --signing-secret flags", () => {
    const [a, b] = [newSecret(), newSecret()];
    const env = {
      GATEWAY_PORT: "0",
      GATEWAY_UPSTREAM: "https://api.example",
      KEY_MANAGER_URL: "http://km",
      GATEWAY_CLIENT_ID: "gw",
      GATEWAY_CLIENT_SECRET: "s",
    };
    const options = gatewayOptionsSchema.parse(parseCli(["--signing-secret", a, "--signing-secret", b, "--quiet"], env));
    expect(options).toMatchObject({ port: 0, upstream: "https://api.example", signingSecret: [a, b], quiet: true, ttl: 300 });
  });

  it("rejects a secret that is not whsec_ base64 of at least 24 bytes, and a non-http upstream", () => {
    const short = `whsec_${Buffer.alloc(8).toString("base64")}`;
    const result = gatewayOptionsSchema.safeParse(parseCli([...FLAGS, "--signing-secret", short, "--upstream", "ftp://x"], {}));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["signingSecret", "upstream"]);
  });

  it("counts tier limits in this process unless given a redis:// URL, by flag or environment", () => {
    const base = { GATEWAY_SIGNING_SECRET: newSecret() };
    const plain = gatewayOptionsSchema.parse(parseCli(FLAGS, base));
    expect(plain.rateLimitRedis).toBeUndefined();
    expect(plain.rateLimitPrefix).toBe("portcullis:tier");
    const env = { ...base, GATEWAY_RATE_LIMIT_REDIS: "rediss://:pw@redis.internal:6380/2", GATEWAY_RATE_LIMIT_PREFIX: "prod:gw" };
    expect(gatewayOptionsSchema.parse(parseCli(FLAGS, env))).toMatchObject({
      rateLimitRedis: "rediss://:pw@redis.internal:6380/2",
      rateLimitPrefix: "prod:gw",
    });
    const bad = gatewayOptionsSchema.safeParse(
      parseCli([...FLAGS, "--rate-limit-redis", "http://redis:6379", "--rate-limit-prefix", "a b"], base),
    );
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["rateLimitPrefix", "rateLimitRedis"]);
  });

  it("exits 2 with a readable message for bad options", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "reference-gateway/main.ts", "--port", "nope"]);
    const err = (await run.then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | null;
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain("gateway: invalid options");
    expect(err?.stderr).toContain("--port:");
    expect(err?.stderr).toContain("--signing-secret:");
  });

  it("--help prints every option and exits 0, as npm run gateway -- --help does", async () => {
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "gateway", "--", "--help"]);
    for (const flag of ["--port", "--upstream", "--key-manager", "--client-id", "--client-secret", "--signing-secret", "--ttl"]) {
      expect(stdout).toContain(flag);
    }
  });
});
