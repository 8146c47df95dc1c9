import { authOptions } from "@/lib/doors/auth/options";
import { toErrorResponse } from "@/lib/doors/http/error-response";
import { assertSameOrigin } from "@/lib/doors/http/guard-request";
import NextAuth from "next-auth";

// GET|POST /api/auth/* — next-auth 4 (sign-in, sign-out, session, CSRF)
const handler = NextAuth(authOptions);

// next-auth's double-submit token already covers its forms; the origin check also stops login CSRF and cross-site sign-out.
async function POST(req: Request, ctx: unknown) {
  try {
    assertSameOrigin(req);
  } catch (err) {
    return toErrorResponse(err);
  }

  return handler(req, ctx);
}

export { handler as GET, POST };
