import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tooManyMessage } from "./messages.shared";
import { createLoginLimiter, createSignUpLimiter, progressiveDelayMs } from "./rate-limit";

// On PostgreSQL the counters live in a shared table, so every test uses fresh keys.
const email = () => `${randomUUID()}@test.local`;
const ip = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 256)).join(".")}`;
const limits = (perAccount: number, perIp: number, perAccountAndIp = 1000) => ({
  perAccount,
  perIp,
  perAccountAndIp,
  windowSeconds: 10 * 60,
});

const allowed = { allowed: true, delayMs: 0 };
const refused = expect.objectContaining({ allowed: false });

describe("login rate limit", () => {
  it("allows the per-account limit, then refuses with the minutes to wait", async () => {
    const limiter = await createLoginLimiter(limits(3, 100));
    const attempt = { email: email(), ip: ip() };
    for (let i = 0; i < 3; i++) await limiter.consume(attempt);

    const verdict = await limiter.consume(attempt);
    expect(verdict).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
    expect(!verdict.allowed && verdict.retryAfterMs).toBeGreaterThan(9 * 60_000); // the window's 10 minutes, less the test's time
  });

  it("counts an account whatever the case of the email and whichever IP it comes from", async () => {
    const limiter = await createLoginLimiter(limits(2, 100));
    const address = email();
    await limiter.consume({ email: address.toUpperCase(), ip: ip() });
    await limiter.consume({ email: ` ${address} `, ip: ip() });

    expect(await limiter.consume({ email: address, ip: ip() })).toEqual(refused);
  });

  it("counts an IP across accounts", async () => {
    const limiter = await createLoginLimiter(limits(100, 2));
    const address = ip();
    await limiter.consume({ email: email(), ip: address });
    await limiter.consume({ email: email(), ip: address });

    expect(await limiter.consume({ email: email(), ip: address })).toEqual(refused);
    expect(await limiter.consume({ email: email(), ip: ip() })).toEqual(allowed);
  });

  it("does not count refunded (successful) attempts", async () => {
    const limiter = await createLoginLimiter(limits(2, 2));
    const attempt = { email: email(), ip: ip() };
    for (let i = 0; i < 5; i++) {
      await limiter.consume(attempt);
      await limiter.refund(attempt);
    }

    expect(await limiter.consume(attempt)).toEqual(allowed);
  });

  it("limits by account alone when the IP is unknown", async () => {
    const limiter = await createLoginLimiter(limits(1, 1));
    const address = email();
    await limiter.consume({ email: address, ip: null });

    expect(await limiter.consume({ email: address })).toEqual(refused);
  });
});

describe("login rate limit per account and IP", () => {
  it("locks a stranger's address out of an account without locking the owner out", async () => {
    const limiter = await createLoginLimiter(limits(100, 100, 2));
    const address = email();
    const stranger = { email: address, ip: ip() };
    await limiter.consume(stranger);
    await limiter.consume(stranger);

    expect(await limiter.consume(stranger)).toEqual(refused);
    expect(await limiter.consume({ email: address, ip: ip() })).toEqual(allowed);
  });

  it("slows repeated failures of an account down progressively instead of locking it", async () => {
    expect([1, 5, 6, 7, 8, 11, 50].map(progressiveDelayMs)).toEqual([0, 0, 250, 500, 1000, 8000, 8000]);
    const limiter = await createLoginLimiter(limits(100, 100));
    const address = email();
    const delays = [];
    for (let i = 0; i < 8; i++) {
      const verdict = await limiter.consume({ email: address, ip: ip() });
      delays.push(verdict.allowed ? verdict.delayMs : null);
    }

    expect(delays).toEqual([0, 0, 0, 0, 0, 0, 250, 500]);
  });
});

describe("sign-up rate limit", () => {
  it("throttles sign-ups per IP", async () => {
    const limiter = await createSignUpLimiter({ perIp: 2, windowSeconds: 60 });
    const address = ip();
    await limiter.consume(address);
    await limiter.consume(address);

    expect(await limiter.consume(address)).toEqual(refused);
    expect(await limiter.consume(ip())).toEqual(allowed);
  });
});

describe("tooManyMessage", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(tooManyMessage(0)).toBe("Too many attempts, try again in 1 minute.");
    expect(tooManyMessage(61_000)).toBe("Too many attempts, try again in 2 minutes.");
    expect(tooManyMessage(15 * 60_000)).toBe("Too many attempts, try again in 15 minutes.");
  });
});
