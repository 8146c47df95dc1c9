import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { hashPassword } from "./password";
import { createUserSchema, type CreateUserInput, type Role } from "./schemas";

export type CreatedUser = { id: string; email: string; role: Role };

/** Creates an account; a taken email is a field error on `email`. */
export async function createUser(input: CreateUserInput): Promise<CreatedUser> {
  const { email, password, name, role } = createUserSchema.parse(input);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", "An account with this email already exists.", { email: ["An account with this email already exists."] });
  }
  const user = await db.user.create({ data: { email, name, role, passwordHash: await hashPassword(password) } });

  return { id: user.id, email: user.email, role: user.role as Role };
}
