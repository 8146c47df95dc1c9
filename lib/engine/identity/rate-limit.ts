import { env } from "@/lib/base/env";
import { engineOf } from "@/lib/data/db/engine";
import cluster from "node:cluster";
import { createHash } from "node:crypto";
import pg from "pg";
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

/**
 * Failed sign-ins per 15 min. The tight limit is per (account, IP): a stranger guessing from one
 * address cannot lock the real owner out. The account's own ceiling is much higher (a botnet),
 * and before it is reached each failure makes the next attempt wait longer.
 */
export const LOGIN_LIMITS = { perAccountAndIp: 10, perAccount: 100, perIp: 50, windowSeconds: 15 * 60 };
export type LoginLimits = typeof LOGIN_LIMITS;
export type LoginAttempt = { email: string; ip?: string | null };

const DELAY_FREE_FAILURES = 5;
const MAX_DELAY_MS = 8_000;

/** 0 for the first few failures of an account, then 250 ms doubling, at most 8 s. */
export const progressiveDelayMs = (failures: number) =>
  failures <= DELAY_FREE_FAILURES ? 0 : Math.min(250 * 2 ** (failures - DELAY_FREE_FAILURES - 1), MAX_DELAY_MS);

/**
 * A limiter's answer, as plain data. The limiter is one per process, shared through globalThis by
 * Next's bundles and server.ts's own module graph, each with its own copy of our classes: an
 * AppError made in one copy is not `instanceof AppError` in another, so the caller throws its own.
 */
export type LimitVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

export type LoginLimiter = {
  /** Counts an attempt: refused over a limit, else how long to hold the answer. Throws only when the store is down. */
  consume(attempt: LoginAttempt): Promise<LimitVerdict>;
  /** A successful sign-in gives back the points it took, so only failures count. */
  refund(attempt: LoginAttempt): Promise<void>;
};

// Keys are hashed: an attacker's 30 MiB "email" must not become a 30 MiB key held for 15 minutes.
const key = (kind: string, ...parts: string[]) => `${kind}:${createHash("sha256").update(parts.join("\0")).digest("base64url")}`;

/**
 * A shared table on PostgreSQL so every instance counts together. SQLite has one server: its
 * memory, held by the cluster's primary when it runs several workers (lib/doors/cluster), so every worker counts together.
 * `keyPrefix` keeps another password check's counts apart from sign-in's (the current password on a change: "password").
 */
export async function createLoginLimiter(
  limits: LoginLimits = LOGIN_LIMITS,
  url = env.DATABASE_URL,
  keyPrefix = "login",
): Promise<LoginLimiter> {
  const [account, pair, ip] = await createLimiters(url, keyPrefix, limits.windowSeconds, [
    limits.perAccount,
    limits.perAccountAndIp,
    limits.perIp,
  ]);
  const keyed = ({ email, ip: address }: LoginAttempt) => {
    const normalized = email.trim().toLowerCase();

    return [
      [account, key("account", normalized)],
      ...(address
        ? ([
            [pair, key("pair", normalized, address)],
            [ip, key("ip", address)],
          ] as const)
        : []),
    ] as const;
  };

  return {
    async consume(attempt) {
      // Counting before the password check keeps parallel guesses inside the limit.
      const results = await Promise.allSettled(keyed(attempt).map(([limiter, k]) => limiter.consume(k)));
      const blocked = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      const storeError = blocked.find((reason) => !(reason instanceof RateLimiterRes));
      if (storeError) throw storeError; // fail closed when the store is down
      if (blocked.length > 0) return { allowed: false, retryAfterMs: Math.max(...blocked.map((res: RateLimiterRes) => res.msBeforeNext)) };
      const accountResult = (results[0] as PromiseFulfilledResult<RateLimiterRes>).value;

      return { allowed: true, delayMs: progressiveDelayMs(accountResult.consumedPoints - 1) }; // failures before this attempt
    },
    async refund(attempt) {
      await Promise.all(keyed(attempt).map(([limiter, k]) => limiter.reward(k, 1)));
    },
  };
}

/** Sign-ups per IP per hour (PORTCULLIS_SIGNUP_LIMIT): accounts are cheap to make, each one a row and an Argon2 hash. */
export const SIGN_UP_LIMITS = { perIp: Number(process.env.PORTCULLIS_SIGNUP_LIMIT) || 10, windowSeconds: 60 * 60 };

export async function createSignUpLimiter(limits = SIGN_UP_LIMITS, url = env.DATABASE_URL) {
  const [ip] = await createLimiters(url, "signup", limits.windowSeconds, [limits.perIp]);

  return {
    /** Counts a sign-up from this address (none counted without one); throws only when the store is down. */
    async consume(address: string | null): Promise<LimitVerdict> {
      if (!address) return { allowed: true, delayMs: 0 };
      try {
        await ip.consume(key("ip", address));

        return { allowed: true, delayMs: 0 };
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;

        return { allowed: false, retryAfterMs: err.msBeforeNext };
      }
    },
  };
}

/**
 * Failed client authentications per minute at the token, introspection and revocation endpoints
 * (RFC 7662 §4, RFC 6749 §10.10): per (client_id, address), and per address across client ids (a scan).
 * A short window, so a gateway whose secret was wrong is back within a minute of being fixed.
 */
export const CLIENT_AUTH_LIMITS = { perClientAndIp: 20, perIp: 100, windowSeconds: 60 };
export type ClientAuthAttempt = { clientId: string; ip: string | null };

/**
 * The keys a client authentication counts under, the address's only when it is known (the front always
 * knows it; a caller in the same process does not). The door remembers refused ones by the same names.
 */
export const clientAuthKeys = ({ clientId, ip }: ClientAuthAttempt) => [key("pair", clientId, ip ?? ""), ...(ip ? [key("ip", ip)] : [])];

export async function createClientAuthLimiter(limits = CLIENT_AUTH_LIMITS, url = env.DATABASE_URL) {
  const limiters = await createLimiters(url, "client-auth", limits.windowSeconds, [limits.perClientAndIp, limits.perIp]);

  return {
    /**
     * Counts a failure; the keys it used up, each with how long it stays refused (`over`: this failure was
     * past the limit already, counted elsewhere meanwhile). Throws only when the store is down.
     */
    async fail(attempt: ClientAuthAttempt): Promise<{ key: string; retryAfterMs: number; over: boolean }[]> {
      const keys = clientAuthKeys(attempt);
      const results = await Promise.allSettled(keys.map((k, i) => limiters[i].consume(k)));
      const storeError = results.find((r) => r.status === "rejected" && !(r.reason instanceof RateLimiterRes));
      if (storeError) throw (storeError as PromiseRejectedResult).reason;

      return results.flatMap((r, i) => {
        const res: RateLimiterRes = r.status === "rejected" ? r.reason : r.value;

        return res.remainingPoints > 0 ? [] : [{ key: keys[i], retryAfterMs: res.msBeforeNext, over: r.status === "rejected" }];
      });
    },
  };
}
export type ClientAuthLimiter = Awaited<ReturnType<typeof createClientAuthLimiter>>;

async function createLimiters(url: string, keyPrefix: string, duration: number, points: number[]): Promise<RateLimiterAbstract[]> {
  if (engineOf(url) !== "postgresql") {
    // The primary keeps one limiter per key prefix, so each of ours needs its own.
    return points.map((p, i) =>
      cluster.isWorker
        ? new RateLimiterCluster({ keyPrefix: `${keyPrefix}:${i}`, points: p, duration, timeoutMs: 3_000 })
        : new RateLimiterMemory({ keyPrefix, points: p, duration }),
    );
  }
  const storeClient = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  const base = { storeClient, storeType: "pool", tableName: "login_rate_limits", keyPrefix, duration, clearExpiredByTimeout: true };
  // The first limiter creates the table; the others wait for it, so two CREATEs never race.
  const first = await new Promise<RateLimiterAbstract>((resolve, reject) => {
    const limiter: RateLimiterAbstract = new RateLimiterPostgres({ ...base, points: points[0] }, (err) =>
      err ? reject(err) : resolve(limiter),
    );
  });

  return [first, ...points.slice(1).map((p) => new RateLimiterPostgres({ ...base, points: p, tableCreated: true }))];
}

// One limiter of each kind per process, shared by Next's bundles (see lib/data/db/client.ts).
const globalForLimiter = globalThis as unknown as {
  portcullisLoginLimiter?: Promise<LoginLimiter>;
  portcullisPasswordLimiter?: Promise<LoginLimiter>;
  portcullisSignUpLimiter?: ReturnType<typeof createSignUpLimiter>;
  portcullisClientAuthLimiter?: Promise<ClientAuthLimiter>;
};

export function loginLimiter(): Promise<LoginLimiter> {
  globalForLimiter.portcullisLoginLimiter ??= createLoginLimiter().catch((err) => {
    globalForLimiter.portcullisLoginLimiter = undefined; // retry on the next sign-in
    throw err;
  });

  return globalForLimiter.portcullisLoginLimiter;
}

/** The current password behind a session (a password change), counted with sign-in's limits under a key prefix of its own. */
export function passwordCheckLimiter(): Promise<LoginLimiter> {
  globalForLimiter.portcullisPasswordLimiter ??= createLoginLimiter(LOGIN_LIMITS, env.DATABASE_URL, "password").catch((err) => {
    globalForLimiter.portcullisPasswordLimiter = undefined;
    throw err;
  });

  return globalForLimiter.portcullisPasswordLimiter;
}

export function signUpLimiter(): ReturnType<typeof createSignUpLimiter> {
  globalForLimiter.portcullisSignUpLimiter ??= createSignUpLimiter().catch((err) => {
    globalForLimiter.portcullisSignUpLimiter = undefined;
    throw err;
  });

  return globalForLimiter.portcullisSignUpLimiter;
}

export function clientAuthLimiter(): Promise<ClientAuthLimiter> {
  globalForLimiter.portcullisClientAuthLimiter ??= createClientAuthLimiter().catch((err) => {
    globalForLimiter.portcullisClientAuthLimiter = undefined;
    throw err;
  });

  return globalForLimiter.portcullisClientAuthLimiter;
}
