import { issuer } from "@/lib/base/issuer";

/**
 * Where to go after signing in: only a page of this portal, never the auth pages or the API.
 * The value is resolved against the portal's origin and must stay on it; the path that comes
 * back starts with exactly one slash, so a browser cannot read it as `//other.host`.
 */
export function safeCallbackUrl(value: unknown, fallback = "/apps"): string {
  if (typeof value !== "string" || !value) return fallback;
  const origin = new URL(issuer()).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `/${url.pathname.replace(/^[/\\]+/, "")}${url.search}${url.hash}`;
  if (new URL(path, origin).origin !== origin) return fallback;

  return url.pathname.startsWith("/sign-") || url.pathname.startsWith("/api/") ? fallback : path;
}
