import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { hashPassword } from "@/lib/engine/identity/password";
import { createLoginLimiter } from "@/lib/engine/identity/rate-limit";
import { makeUser } from "@/lib/testing/factories";
import { describe, expect, it } from "vitest";
import { changePassword } from "./change-password";

// Whoever holds a session could guess the password behind it without limit: the check counts like sign-in's.
const CURRENT = "my current passphrase 1";
const NEW = { newPassword: "an entirely new passphrase" };

describe("changePassword — guessing the current password", () => {
  it("is refused once the (account, address) pair is over its limit, even with the right password", async () => {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(CURRENT) } });
    const limiter = await createLoginLimiter(
      { perAccountAndIp: 3, perAccount: 100, perIp: 100, windowSeconds: 60 },
      undefined,
      "password-test",
    );
    const attempt = (currentPassword: string, ip = "203.0.113.7") =>
      changePassword({ actor: { ...user, ip }, input: { currentPassword, ...NEW }, limiter }).catch((e: unknown) => e as AppError);

    for (let i = 0; i < 3; i++) expect(await attempt("a wrong guess")).toMatchObject({ code: "invalid_input" });
    expect(await attempt(CURRENT)).toMatchObject({ code: "too_many_requests", message: expect.stringMatching(/^Too many attempts/) });
    // Another address has its own pair budget: the owner, elsewhere, still gets through.
    await expect(attempt(CURRENT, "198.51.100.2")).resolves.toMatchObject({ revokedTokens: 0 });
  });
});
