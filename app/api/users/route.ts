import { signUpSchema } from "@/lib/auth/schemas";
import { toErrorResponse } from "@/lib/http/errors";
import { createUser } from "@/lib/users/create-user";

// POST /api/users — public sign-up; creates a subscriber. Validation errors come back per field.
export async function POST(req: Request) {
  try {
    const input = signUpSchema.parse(await req.json());
    const user = await createUser({ ...input, role: "subscriber" });

    return Response.json(user, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
