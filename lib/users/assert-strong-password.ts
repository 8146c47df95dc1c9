import { AppError } from "@/lib/base/errors.shared";
import { passwordProblem } from "./password-strength";

/** A field error on `field` when the password is guessable or contains the email. */
export async function assertStrongPassword({ password, email, field = "password" }: { password: string; email: string; field?: string }) {
  const problem = await passwordProblem({ password, email });
  if (problem) throw new AppError("invalid_input", "Some fields need attention.", { [field]: [problem] });
}
