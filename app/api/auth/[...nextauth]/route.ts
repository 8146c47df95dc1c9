import { issuer } from "@/lib/base/issuer";
import { ORIGIN_REFUSED } from "@/lib/base/origin.shared";
import { authOptions } from "@/lib/doors/auth/options";
import { refuseAuthRequest } from "@/lib/doors/auth/refuse-auth-request";
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
    // next-auth's signIn() reads `url` from any answer and reports its `error` parameter: the form names the refusal.
    const { error } = await toErrorResponse(err).json();
    const url = new URL("/sign-in", issuer());
    url.searchParams.set("error", ORIGIN_REFUSED);

    return Response.json({ error, url: url.href }, { status: 403 });
  }

  return refuseAuthRequest(req) ?? handler(req, ctx);
}

const GET = (req: Request, ctx: unknown) => refuseAuthRequest(req) ?? handler(req, ctx);

export { GET, POST };
