import { AppError } from "@/lib/base/errors.shared";
import { signUpLimiter } from "@/lib/engine/identity/rate-limit";
import { signUpSchema } from "@/lib/users/sign-up-schema.shared";
import { assertStrongPassword } from "./assert-strong-password";
import { createUser } from "./create-user";

/** Public sign-up: throttled per IP, a strong password, always a subscriber. */
export async function signUp({ input, ip }: { input: unknown; ip: string | null }) {
  const { email, password, name } = signUpSchema.parse(input);
  const verdict = await (await signUpLimiter()).consume(ip);
  if (!verdict.allowed)
    throw new AppError(
      "too_many_requests",
      `Too many sign-ups from your network, try again in ${Math.ceil(verdict.retryAfterMs / 60_000)} minutes.`,
    );
  await assertStrongPassword({ password, email });

  return createUser({ email, password, name, role: "subscriber" });
}
