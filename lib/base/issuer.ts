import { originRefusedMessage } from "./origin.shared";

/** Loopback names as URL hostnames: a newcomer opens 127.0.0.1 as often as localhost. */
const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The issuer identifier (RFC 8414 §2) without a trailing slash; endpoints hang off it. Unset, it is
 * this machine on the port the server listens on, so `PORT=3200 npm run dev` is its own issuer.
 */
export const issuer = () => (process.env.PORTCULLIS_ISSUER || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");

/**
 * The origins the portal's pages are its own at. Production: the issuer's alone. Development, with a
 * loopback issuer: its port under every loopback name, since which one a browser shows is chance.
 */
export function ownOrigins(): string[] {
  const own = new URL(issuer());
  if (process.env.NODE_ENV !== "development" || !LOOPBACK_HOSTNAMES.includes(own.hostname)) return [own.origin];

  return LOOPBACK_HOSTNAMES.map((hostname) => `${own.protocol}//${hostname}${own.port ? `:${own.port}` : ""}`);
}

export const isOwnOrigin = (origin: string) => ownOrigins().includes(origin);

/**
 * The portal's origin for a request whose Host header is `host`: that host's, if it is one of the portal's
 * own origins (in development, the loopback name the page was opened at), else the issuer's — never a
 * host a client chose.
 */
export function publicOrigin(host: string | null | undefined): string {
  const iss = new URL(issuer());
  const here = `${iss.protocol}//${host}`;

  return host && isOwnOrigin(here) ? here : iss.origin;
}

/** What a person is told when a write comes from a page at another address than the issuer's. */
export const refusedOriginMessage = (origin: string) => originRefusedMessage(origin, issuer());
