import { emailSchema, passwordSchema } from "@/lib/users/schemas.shared";
import * as z from "zod";

/** Public sign-up: never takes a role (everyone who signs up is a subscriber). */
export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .optional()
    .transform((name) => name || undefined),
});
export type SignUpInput = z.input<typeof signUpSchema>;
