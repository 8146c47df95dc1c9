import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: a visitor with no session cookie goes straight to sign-in and comes back after.
// The real checks are requireUser()/requireRole() in the layouts and withSession() in the API.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const signedIn = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name.startsWith(cookie)));
  if (signedIn) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);

  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/apps/:path*", "/admin/:path*"] };
