import { signUpLimiter } from "@/lib/auth/rate-limit";
import { signUpSchema } from "@/lib/auth/schemas";
import { assertStrongPassword } from "./assert-strong-password";
import { createUser } from "./create-user";

/** Public sign-up: throttled per IP, a strong password, always a subscriber. */
export async function signUp({ input, ip }: { input: unknown; ip: string | null }) {
  const { email, password, name } = signUpSchema.parse(input);
  await (await signUpLimiter()).consume(ip);
  await assertStrongPassword({ password, email });

  return createUser({ email, password, name, role: "subscriber" });
}
