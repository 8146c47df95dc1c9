import { AppError } from "@/lib/http/errors";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tooManyMessage } from "./messages";
import { createLoginLimiter } from "./rate-limit";

// On PostgreSQL the counters live in a shared table, so every test uses fresh keys.
const email = () => `${randomUUID()}@test.local`;
const ip = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 256)).join(".")}`;
const limits = (perAccount: number, perIp: number) => ({ perAccount, perIp, windowSeconds: 10 * 60 });

async function consumeError(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);

  return err as AppError;
}

describe("login rate limit", () => {
  it("allows the per-account limit, then refuses with the minutes to wait", async () => {
    const limiter = await createLoginLimiter(limits(3, 100));
    const attempt = { email: email(), ip: ip() };
    for (let i = 0; i < 3; i++) await limiter.consume(attempt);

    const err = await consumeError(limiter.consume(attempt));
    expect(err.code).toBe("too_many_requests");
    expect(err.message).toBe("Too many attempts, try again in 10 minutes.");
  });

  it("counts an account whatever the case of the email and whichever IP it comes from", async () => {
    const limiter = await createLoginLimiter(limits(2, 100));
    const address = email();
    await limiter.consume({ email: address.toUpperCase(), ip: ip() });
    await limiter.consume({ email: ` ${address} `, ip: ip() });

    expect((await consumeError(limiter.consume({ email: address, ip: ip() }))).code).toBe("too_many_requests");
  });

  it("counts an IP across accounts", async () => {
    const limiter = await createLoginLimiter(limits(100, 2));
    const address = ip();
    await limiter.consume({ email: email(), ip: address });
    await limiter.consume({ email: email(), ip: address });

    expect((await consumeError(limiter.consume({ email: email(), ip: address }))).code).toBe("too_many_requests");
    await expect(limiter.consume({ email: email(), ip: ip() })).resolves.toBeUndefined();
  });

  it("does not count refunded (successful) attempts", async () => {
    const limiter = await createLoginLimiter(limits(2, 2));
    const attempt = { email: email(), ip: ip() };
    for (let i = 0; i < 5; i++) {
      await limiter.consume(attempt);
      await limiter.refund(attempt);
    }

    await expect(limiter.consume(attempt)).resolves.toBeUndefined();
  });

  it("limits by account alone when the IP is unknown", async () => {
    const limiter = await createLoginLimiter(limits(1, 1));
    const address = email();
    await limiter.consume({ email: address, ip: null });

    expect((await consumeError(limiter.consume({ email: address }))).code).toBe("too_many_requests");
  });
});

describe("tooManyMessage", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(tooManyMessage(0)).toBe("Too many attempts, try again in 1 minute.");
    expect(tooManyMessage(61_000)).toBe("Too many attempts, try again in 2 minutes.");
    expect(tooManyMessage(15 * 60_000)).toBe("Too many attempts, try again in 15 minutes.");
  });
});
