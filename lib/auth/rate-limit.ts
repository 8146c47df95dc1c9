import { engineOf } from "@/lib/db/engine";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { tooManyMessage } from "./messages";

export const LOGIN_LIMITS = { perAccount: 10, perIp: 50, windowSeconds: 15 * 60 }; // failed sign-ins per 15 min
export type LoginLimits = typeof LOGIN_LIMITS;
export type LoginAttempt = { email: string; ip?: string | null };

export type LoginLimiter = {
  /** Counts an attempt against the account and the IP; throws too_many_requests once either is over its limit. */
  consume(attempt: LoginAttempt): Promise<void>;
  /** A successful sign-in gives back the points it took, so only failures count. */
  refund(attempt: LoginAttempt): Promise<void>;
};

/** Memory on SQLite (one instance by design); a shared table on PostgreSQL so every instance counts together. */
export async function createLoginLimiter(limits: LoginLimits = LOGIN_LIMITS, url = env.DATABASE_URL): Promise<LoginLimiter> {
  const duration = limits.windowSeconds;
  const [account, ip] =
    engineOf(url) === "postgresql"
      ? await postgresLimiters(url, limits)
      : [new RateLimiterMemory({ points: limits.perAccount, duration }), new RateLimiterMemory({ points: limits.perIp, duration })];
  const pairs = ({ email, ip: address }: LoginAttempt) =>
    [[account, `account:${email.trim().toLowerCase()}`], ...(address ? [[ip, `ip:${address}`] as const] : [])] as const;

  return {
    async consume(attempt) {
      // Counting before the password check keeps parallel guesses inside the limit.
      const results = await Promise.allSettled(pairs(attempt).map(([limiter, key]) => limiter.consume(key)));
      const blocked = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      const storeError = blocked.find((reason) => !(reason instanceof RateLimiterRes));
      if (storeError) throw storeError; // fail closed when the store is down
      if (blocked.length === 0) return;
      const waitMs = Math.max(...blocked.map((res: RateLimiterRes) => res.msBeforeNext));
      throw new AppError("too_many_requests", tooManyMessage(waitMs));
    },
    async refund(attempt) {
      await Promise.all(pairs(attempt).map(([limiter, key]) => limiter.reward(key, 1)));
    },
  };
}

async function postgresLimiters(url: string, limits: LoginLimits): Promise<[RateLimiterAbstract, RateLimiterAbstract]> {
  const storeClient = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  const base = {
    storeClient,
    storeType: "pool",
    tableName: "login_rate_limits",
    duration: limits.windowSeconds,
    clearExpiredByTimeout: true,
  };
  // The first limiter creates the table; the second waits for it, so two CREATEs never race.
  const account = await new Promise<RateLimiterAbstract>((resolve, reject) => {
    const limiter: RateLimiterAbstract = new RateLimiterPostgres({ ...base, keyPrefix: "login", points: limits.perAccount }, (err) =>
      err ? reject(err) : resolve(limiter),
    );
  });
  const ip = new RateLimiterPostgres({ ...base, keyPrefix: "login", points: limits.perIp, tableCreated: true });

  return [account, ip];
}

// One limiter per process, shared by Next's bundles (see lib/db/client.ts).
const globalForLimiter = globalThis as unknown as { portcullisLoginLimiter?: Promise<LoginLimiter> };

export function loginLimiter(): Promise<LoginLimiter> {
  globalForLimiter.portcullisLoginLimiter ??= createLoginLimiter().catch((err) => {
    globalForLimiter.portcullisLoginLimiter = undefined; // retry on the next sign-in
    throw err;
  });

  return globalForLimiter.portcullisLoginLimiter;
}
