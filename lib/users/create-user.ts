import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { isUniqueViolation } from "@/lib/data/db/unique-violation";
import { hashPassword } from "@/lib/engine/identity/password";
import { createUserSchema, type CreateUserInput, type Role } from "./schemas.shared";

export type CreatedUser = { id: string; email: string; role: Role };

const TAKEN = "An account with this email already exists.";
const emailTaken = () => new AppError("conflict", TAKEN, { email: [TAKEN] });

/** Creates an account; a taken email is a field error on `email`, also when two requests race for it. */
export async function createUser(input: CreateUserInput): Promise<CreatedUser> {
  const { email, password, name, role } = createUserSchema.parse(input);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { email, name, role, passwordHash } });

    return { id: user.id, email: user.email, role: user.role as Role };
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
