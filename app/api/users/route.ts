import { signUpSchema } from "@/lib/auth/schemas";
import { withPublic } from "@/lib/http/with-public";
import { createUser } from "@/lib/users/create-user";

// POST /api/users — public sign-up; creates a subscriber. Validation errors come back per field.
export const POST = withPublic(async ({ req }) => {
  const input = signUpSchema.parse(await req.json());
  const user = await createUser({ ...input, role: "subscriber" });

  return Response.json(user, { status: 201 });
});
