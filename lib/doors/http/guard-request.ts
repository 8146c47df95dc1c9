import { AppError } from "@/lib/base/errors.shared";
import { isOwnOrigin, refusedOriginMessage } from "@/lib/base/issuer";
import { readLimitedBody } from "./read-limited-body";

export const MAX_PORTAL_BODY_BYTES = 64 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a browser marks every request with Sec-Fetch-Site and (on writes) Origin. A page on a
 * sibling subdomain or another port is same-site but not same-origin, so only "same-origin"
 * and the portal's own origins pass; a client that sends neither is not a browser riding a cookie.
 * A same-origin page at an address the issuer does not name is the portal opened at the wrong
 * address (a port or host the configuration does not know): the refusal says so.
 */
export function assertSameOrigin(req: Request) {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  if (site !== null && site !== "same-origin") throw new AppError("forbidden", "Cross-origin requests are refused.");
  if (origin !== null && !isOwnOrigin(origin)) throw new AppError("forbidden", refusedOriginMessage(origin));
}

/**
 * The guard every portal write passes: same origin, a JSON body (a form or text/plain body is
 * what a cross-site form can send), at most 64 KiB. Returns the request with its body read, so
 * the handler's req.json() cannot be made to buffer more.
 */
export async function guardRequest(req: Request): Promise<Request> {
  assertSameOrigin(req);
  if (SAFE_METHODS.has(req.method)) return req;
  const bytes = await readLimited(req);
  if (bytes.byteLength === 0) return new Request(req.url, { method: req.method, headers: req.headers });
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new AppError("unsupported_media_type", "Send the body as application/json.");
  assertNoNul(bytes);

  return new Request(req.url, { method: req.method, headers: req.headers, body: bytes });
}

const readLimited = (req: Request) =>
  readLimitedBody(req, MAX_PORTAL_BODY_BYTES, () => new AppError("payload_too_large", "The request body is over 64 KiB."));

/** PostgreSQL text cannot hold U+0000 (SQLite would keep it, silently): refused as input, before any handler sees it. */
export const hasNul = (text: string) => text.includes("\0");

function assertNoNul(bytes: Uint8Array) {
  let found = false;
  try {
    JSON.parse(Buffer.from(bytes).toString("utf8"), (key, value) => {
      if (hasNul(key) || (typeof value === "string" && hasNul(value))) found = true;

      return value;
    });
  } catch {
    return; // not JSON: the handler's req.json() answers that
  }
  if (found) throw new AppError("bad_request", "Text may not contain NUL characters.");
}
