import { AppError } from "@/lib/base/errors.shared";
import { INVALID_CREDENTIALS } from "@/lib/engine/identity/messages.shared";
import { createLoginLimiter, type LoginLimiter } from "@/lib/engine/identity/rate-limit";
import { createUser } from "@/lib/users/create-user";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authorizeCredentials } from "./authorize";

const PASSWORD = "correct-horse-battery";
let email: string;
let limiter: LoginLimiter;

async function failure(options: Parameters<typeof authorizeCredentials>[0]) {
  const err = await authorizeCredentials({ limiter, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);

  return { code: (err as AppError).code, message: (err as AppError).message };
}

// A fresh account per test: on PostgreSQL every limiter shares one counter table.
beforeEach(async () => {
  email = `${randomUUID()}@test.local`;
  await createUser({ email, password: PASSWORD, name: "Ada" });
  limiter = await createLoginLimiter({ perAccountAndIp: 100, perAccount: 100, perIp: 100, windowSeconds: 60 });
});

describe("authorizeCredentials", () => {
  it("returns the user for the right password, whatever the email's case", async () => {
    const user = await authorizeCredentials({ email: email.toUpperCase(), password: PASSWORD, limiter });

    expect(user).toMatchObject({ email, name: "Ada", role: "subscriber" });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("gives the same generic error for a wrong password and an unknown email", async () => {
    const wrongPassword = await failure({ email, password: "wrong-password-123" });
    const unknownEmail = await failure({ email: `${randomUUID()}@test.local`, password: PASSWORD });

    expect(wrongPassword).toEqual({ code: "unauthorized", message: INVALID_CREDENTIALS });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("gives the generic error for missing or malformed input", async () => {
    for (const input of [{}, { email, password: "" }, { email: ["a"], password: PASSWORD }, { email, password: "x".repeat(257) }]) {
      expect(await failure(input)).toEqual({ code: "unauthorized", message: INVALID_CREDENTIALS });
    }
  });

  it("refuses even the right password once the account is over its limit", async () => {
    const tight = await createLoginLimiter({ perAccountAndIp: 100, perAccount: 2, perIp: 100, windowSeconds: 15 * 60 });
    const attempt = { email, ip: null, limiter: tight };
    for (const password of ["wrong-password-1", "wrong-password-2"]) {
      await expect(authorizeCredentials({ ...attempt, password })).rejects.toMatchObject({ code: "unauthorized" });
    }

    await expect(authorizeCredentials({ ...attempt, password: PASSWORD })).rejects.toMatchObject({
      code: "too_many_requests",
      message: "Too many attempts, try again in 15 minutes.",
    });
  });

  it("does not count successful sign-ins towards the limit", async () => {
    const tight = await createLoginLimiter({ perAccountAndIp: 100, perAccount: 2, perIp: 100, windowSeconds: 60 });
    const attempt = { email, ip: null, limiter: tight };
    await authorizeCredentials({ ...attempt, password: "wrong-password-1" }).catch(() => {});
    await authorizeCredentials({ ...attempt, password: PASSWORD });
    await expect(authorizeCredentials({ ...attempt, password: "wrong-password-2" })).rejects.toMatchObject({ code: "unauthorized" });

    await expect(authorizeCredentials({ ...attempt, password: PASSWORD })).rejects.toMatchObject({ code: "too_many_requests" });
  });

  it("lets the owner sign in from their own address while a stranger's guesses are refused", async () => {
    const tight = await createLoginLimiter({ perAccountAndIp: 3, perAccount: 100, perIp: 100, windowSeconds: 60 });
    const stranger = { email, ip: "203.0.113.66", limiter: tight };
    for (let i = 0; i < 3; i++) await authorizeCredentials({ ...stranger, password: `wrong-${i}` }).catch(() => {});

    await expect(authorizeCredentials({ ...stranger, password: PASSWORD })).rejects.toMatchObject({ code: "too_many_requests" });
    await expect(authorizeCredentials({ email, ip: "198.51.100.7", limiter: tight, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it("refuses an over-long email before it is counted or kept as a limiter key", async () => {
    const tight = await createLoginLimiter({ perAccountAndIp: 100, perAccount: 100, perIp: 2, windowSeconds: 60 });
    const attempt = { ip: "203.0.113.67", limiter: tight };
    for (let i = 0; i < 5; i++) {
      expect(await failure({ ...attempt, email: `${"x".repeat(1024 * 1024)}@test.local`, password: "whatever-123" })).toEqual({
        code: "unauthorized",
        message: INVALID_CREDENTIALS,
      });
    }

    await expect(authorizeCredentials({ ...attempt, email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it("refuses over the limit with our own AppError when the limiter was made by another copy of the modules", async () => {
    // server.ts's module graph and Next's bundles each load lib/ once and share one limiter per process:
    // whichever made it, the refusal must reach the sign-in form as "Too many attempts", not as a store error.
    vi.resetModules();
    const otherCopy = (await import("@/lib/engine/identity/rate-limit")) as typeof import("@/lib/engine/identity/rate-limit");
    const tight = await otherCopy.createLoginLimiter({ perAccountAndIp: 100, perAccount: 1, perIp: 100, windowSeconds: 60 });
    await authorizeCredentials({ email, password: "wrong-password-1", limiter: tight }).catch(() => {});

    expect(await failure({ email, password: PASSWORD, limiter: tight })).toEqual({
      code: "too_many_requests",
      message: "Too many attempts, try again in 1 minute.",
    });
  });
});
