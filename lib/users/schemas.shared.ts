import { ROLES, type Role } from "@/lib/engine/identity/roles.shared";
import * as z from "zod";

export { ROLES, type Role };

export const emailSchema = z
  .email("Enter a valid email address.")
  .max(254)
  .transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(10, "Use at least 10 characters.").max(256, "Use at most 256 characters.");

export const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).default("subscriber"),
});
export type CreateUserInput = z.input<typeof createUserSchema>;
