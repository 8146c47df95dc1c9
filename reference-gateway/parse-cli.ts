import { parseArgs } from "node:util";
import type { GatewayInput } from "./options";

const ENV: Record<string, string> = {
  port: "GATEWAY_PORT",
  upstream: "GATEWAY_UPSTREAM",
  api: "GATEWAY_APIS",
  "key-manager": "KEY_MANAGER_URL",
  "client-id": "GATEWAY_CLIENT_ID",
  "client-secret": "GATEWAY_CLIENT_SECRET",
  "signing-secret": "GATEWAY_SIGNING_SECRET",
  ttl: "GATEWAY_CACHE_TTL",
  host: "GATEWAY_HOST",
  "revoke-path": "GATEWAY_REVOKE_PATH",
  "jwt-header": "GATEWAY_JWT_HEADER",
  "local-jwt": "GATEWAY_LOCAL_JWT",
  "on-stale": "GATEWAY_ON_STALE",
  "rate-limit-redis": "GATEWAY_RATE_LIMIT_REDIS",
  "rate-limit-prefix": "GATEWAY_RATE_LIMIT_PREFIX",
};

/** Flags win over environment variables; zod validates the merged result afterwards. */
export function parseCli(argv: string[], env: Record<string, string | undefined>): GatewayInput {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      upstream: { type: "string" },
      api: { type: "string", multiple: true },
      "key-manager": { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "signing-secret": { type: "string", multiple: true },
      ttl: { type: "string" },
      "revoke-path": { type: "string" },
      after: { type: "string" },
      quiet: { type: "boolean" },
      "jwt-header": { type: "string" },
      "local-jwt": { type: "boolean" },
      "on-stale": { type: "string" },
      "rate-limit-redis": { type: "string" },
      "rate-limit-prefix": { type: "string" },
    },
  });
  const pick = (flag: string) => {
    const v = values[flag as keyof typeof values];
    if (Array.isArray(v)) return v.join(",");

    return typeof v === "string" ? v : ENV[flag] ? env[ENV[flag]] : undefined;
  };
  const input = {
    port: pick("port"),
    host: pick("host"),
    upstream: pick("upstream"),
    apis: pick("api"),
    keyManager: pick("key-manager"),
    clientId: pick("client-id"),
    clientSecret: pick("client-secret"),
    signingSecret: pick("signing-secret"),
    ttl: pick("ttl"),
    revokePath: pick("revoke-path"),
    after: pick("after"),
    quiet: values.quiet === true,
    jwtHeader: pick("jwt-header"),
    onStale: pick("on-stale"),
    rateLimitRedis: pick("rate-limit-redis"),
    rateLimitPrefix: pick("rate-limit-prefix"),
    localJwt: values["local-jwt"] === true ? true : env.GATEWAY_LOCAL_JWT,
  };

  // Leave absent keys out so zod reports "required" or applies its default.
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as unknown as GatewayInput;
}
