import { CLIENT_IP_HEADER, clientAddress } from "@/lib/base/client-ip";
import { issuer, publicOrigin } from "@/lib/base/issuer";
import { MAX_BODY_BYTES } from "@/lib/doors/oauth/http-adapter";
import { OAUTH_ROUTES } from "@/lib/doors/oauth/routes";
import { MAX_STATE_BYTES, stateTooLong } from "@/lib/grants/state-limit";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { securityHeaders } from "./security-headers";
import { serveOAuth } from "./serve-oauth";

type FrontOptions = {
  /** Everything that is not a key-manager endpoint: Next's request handler in production. */
  handleNext: (req: IncomingMessage, res: ServerResponse) => unknown;
  trustedHops: number;
};

// RFC 3986 authority as Host carries it: a registered name or an IP literal, and an optional port.
const AUTHORITY = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?$/;

const validHost = (host: string | undefined) => {
  const match = host === undefined ? null : AUTHORITY.exec(host);

  return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
};

/**
 * The production front: answers the key manager's endpoints itself and hands the rest to Next,
 * after refusing what no handler should see (a bad Host, a target that is not a path, a portal body
 * over 64 KiB). URLs are built from the issuer, never from the Host header a client chose; in
 * development a page at another loopback name of the issuer's port keeps its own (issuer.ts ownOrigins),
 * so that the proxy's redirects stay where the page is.
 */
export function createFront({ handleNext, trustedHops }: FrontOptions) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const iss = new URL(issuer());
    for (const [name, value] of Object.entries(securityHeaders(iss))) res.setHeader(name, value);
    req.headers[CLIENT_IP_HEADER] = clientAddress({
      forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
      remoteAddress: req.socket.remoteAddress,
      hops: trustedHops,
    });
    const target = req.url ?? "";
    const path = target.split("?")[0];
    const oauth = isOAuthPath(URL.canParse(target, iss) ? new URL(target, iss).pathname : path);
    // Origin-form only (RFC 9112 §3.2.1): absolute-form and `OPTIONS *` are for proxies, which this is not.
    if (!target.startsWith("/") || target.startsWith("//")) return refuse(res, 400, oauth, "the request target must be a path");
    if (!validHost(req.headers.host)) return refuse(res, 400, oauth, "the Host header is not a valid authority");
    // Next answers a path it cannot percent-decode (a catch-all's `%zz`) with a 500.
    if (!decodes(path)) return refuse(res, 400, oauth, "the path is not valid percent-encoding");

    const route = OAUTH_ROUTES[path];
    if (route) {
      if (req.method !== route.method) return refuse(res, 405, true, `use ${route.method}`, { Allow: route.method });
      serveOAuth(req, res, route.handle, `${iss.origin}${target}`).catch((err) => {
        console.error(err);
        if (!res.headersSent) reply(res, 500, { error: "server_error" });
      });
      return;
    }
    // The authorization request's state is echoed into redirects and the consent form: bounded (RFC 6749 leaves it to us).
    if (path === "/oauth2/authorize" && new URL(target, iss).searchParams.getAll("state").some(stateTooLong))
      return refuse(res, 400, true, `state is over ${MAX_STATE_BYTES} bytes`);
    const length = req.headers["content-length"];
    if (Number(length ?? 0) > MAX_BODY_BYTES) return refuse(res, 413, oauth, "the request body is over 64 KiB", { Connection: "close" });
    if (req.headers["transfer-encoding"] && length === undefined) return refuse(res, 411, oauth, "send a Content-Length");
    // Next builds request.url (redirects included) from these: the public origin, whatever the client sent.
    req.headers.host = new URL(publicOrigin(req.headers.host)).host;
    req.headers["x-forwarded-host"] = req.headers.host;
    req.headers["x-forwarded-proto"] = iss.protocol.slice(0, -1);
    handleNext(req, res);
  };
}

function decodes(path: string) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const isOAuthPath = (path: string) => path.startsWith("/oauth2/") || path.startsWith("/.well-known/");

function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "Content-Length": Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}

/** RFC 6749 §5.2 JSON on the key manager's paths, the portal's error JSON elsewhere. */
function refuse(res: ServerResponse, status: number, oauth: boolean, why: string, headers: Record<string, string> = {}) {
  const code = status === 413 ? "payload_too_large" : status === 405 ? "method_not_allowed" : "bad_request";
  const body = oauth ? { error: "invalid_request", error_description: why } : { error: { code, message: `Bad request: ${why}.` } };
  reply(res, status, body, headers);
}

/** For server.on("checkExpectation"): an Expect other than 100-continue is refused (RFC 9110 §10.1.1), in JSON like every other refusal. */
export function refuseExpectation(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? "").split("?")[0];
  refuse(res, 417, isOAuthPath(path), "the Expect header is not supported");
}

/**
 * For server.on("clientError"): a request node:http cannot parse (bad characters in the target or
 * a header) gets a 400 in RFC 6749 §5.2 JSON, which the portal's clients also read, instead of an empty one.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable || err.code === "ECONNRESET") return socket.destroy();
  const body = JSON.stringify({ error: "invalid_request", error_description: "malformed HTTP request" });
  const head = [
    `HTTP/1.1 ${err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request"}`,
    "Content-Type: application/json",
    "Cache-Control: no-store",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}
