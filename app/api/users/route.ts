import { withPublic } from "@/lib/doors/http/with-public";
import { signUp } from "@/lib/users/sign-up";

// POST /api/users — public sign-up; creates a subscriber. Validation errors come back per field.
export const POST = withPublic(async ({ req, ip }) => Response.json(await signUp({ input: await req.json(), ip }), { status: 201 }));
