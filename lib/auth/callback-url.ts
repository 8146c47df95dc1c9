/** Where to go after signing in: only a path on this site (an absolute URL keeps just its path), never back to the auth pages. */
export function safeCallbackUrl(value: unknown, fallback = "/apps"): string {
  if (typeof value !== "string" || !value) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://portcullis.invalid");
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;

  return url.pathname.startsWith("/sign-") || url.pathname.startsWith("/api/") ? fallback : path;
}
