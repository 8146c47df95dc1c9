// What next-auth would answer with a 500: the portal refuses it first, in its own JSON.
const GET_ACTIONS = new Set(["csrf", "session", "providers", "signin", "signout", "error"]);
const POST_ACTIONS = new Set(["signin", "signout", "callback", "session", "_log"]);
// next-auth copies an error page's name into the Location it answers, unescaped: a NUL or U+202E there is an invalid header.
const ERROR_NAME = /^[A-Za-z]{0,64}$/;
const CALLBACK_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.callback-url=([^;]*)/;

/** next-auth's own test of a callbackUrl: one that fails it is a 500 "server configuration" error. */
function isHttpUrl(value: string, base: string) {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message } }, { status, headers });

/**
 * Checks a request to `/api/auth/*` before next-auth sees it: the actions the portal uses, each
 * with its method (a GET of the credentials callback answered 500), a callbackUrl (query or
 * cookie) that next-auth can parse, and only a plain name for an error page. Null when next-auth may answer.
 */
export function refuseAuthRequest(req: Request): Response | null {
  const url = new URL(req.url);
  const [action = "", ...rest] = url.pathname.replace(/^\/api\/auth\/?/, "").split("/");
  const read = req.method === "GET" || req.method === "HEAD";
  const allowed = read ? GET_ACTIONS : req.method === "POST" ? POST_ACTIONS : new Set<string>();
  if (!allowed.has(action)) {
    if (GET_ACTIONS.has(action) || POST_ACTIONS.has(action)) {
      const methods = [GET_ACTIONS.has(action) && "GET", POST_ACTIONS.has(action) && "POST"].filter(Boolean).join(", ");
      return refuse(405, "method_not_allowed", `Use ${methods} for /api/auth/${action}.`, { Allow: methods });
    }
    return refuse(404, "not_found", "There is no such sign-in action.");
  }
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl && !isHttpUrl(callbackUrl, url.origin)) return refuse(400, "bad_request", "callbackUrl must be a path or a URL.");
  const cookie = decodeSafely(CALLBACK_COOKIE.exec(req.headers.get("cookie") ?? "")?.[1] ?? "");
  if (cookie === null || (cookie && !isHttpUrl(cookie, url.origin))) {
    const clear = "next-auth.callback-url=; Path=/; Max-Age=0; SameSite=Lax";
    return refuse(400, "bad_request", "The sign-in's callback cookie is not a URL; it was cleared.", { "Set-Cookie": clear });
  }
  if (action === "error") {
    const names = [decodeSafely(rest.join("/")), ...url.searchParams.getAll("error")];
    if (!names.every((name) => name !== null && ERROR_NAME.test(name)))
      return refuse(400, "bad_request", "An error page's name is letters only.");
  }

  return null;
}

function decodeSafely(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
