import * as z from "zod";

// Read at call time rather than import time: the server fills in generated defaults
// (e.g. NEXTAUTH_SECRET) during bootstrap, before any request is served.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/portcullis.db"),
  PORTCULLIS_ISSUER: z.url().optional(), // read through issuer(): unset, http://localhost:$PORT
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES: z.enum(["allow", "refuse", ""]).optional(), // read through privateAddressesPolicy(); "" is unset
  PORTCULLIS_SQLITE_SYNC: z.enum(["normal", "full"]).default("normal"), // the store's synchronous pragma (README, "Durability")
});

export type Env = z.infer<typeof envSchema>;

export function getEnv(): Env {
  return envSchema.parse(process.env);
}

export const env = new Proxy({} as Env, { get: (_, key: string) => getEnv()[key as keyof Env] });
