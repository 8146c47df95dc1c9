import { issuer, publicOrigin } from "@/lib/base/issuer";
import { contentSecurityPolicy } from "@/lib/doors/http/content-security-policy";
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = ["/apps", "/admin", "/account"];

/**
 * Every page gets a Content-Security-Policy with a fresh nonce (Next reads it from the request
 * header and puts it on its scripts). A visitor with no session cookie who opens a signed-in area
 * goes straight to sign-in and comes back after: optimistic only, the real checks are
 * requireUser()/requirePermission() in the layouts and pages and withSession() in the API.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name.startsWith(cookie)));
  if (!signedIn && SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`))) {
    // Where the page is (in development, any loopback name; the front passes on only those), never a host a client chose.
    // Not nextUrl.origin: Next builds that from the address it was started with, whatever the page's.
    const signIn = new URL("/sign-in", publicOrigin(request.headers.get("host")));
    signIn.searchParams.set("callbackUrl", pathname + search);

    return NextResponse.redirect(signIn);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https: issuer().startsWith("https:") });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);

  return response;
}

// Pages only: the API, the key manager and static files need no CSP (the consent page at /oauth2/authorize is a page).
export const config = { matcher: ["/((?!api/|oauth2/(?!authorize)|\\.well-known/|_next/static|_next/image|favicon\\.ico).*)"] };
