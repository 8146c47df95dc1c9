/**
 * The pages a newcomer meets first, in the order they meet them. `next dev` compiles a route on its
 * first request: compiled now, the first page and the page after sign-in do not wait tens of seconds.
 */
const FIRST_PAGES = ["/sign-in", "/api/auth/session", "/apps", "/sign-up", "/"];
// An empty session cookie gets past the proxy's optimistic redirect, so the signed-in layout compiles (and then
// redirects); empty, next-auth does not try to decode it (and log a bad token).
const WARM_UP_COOKIE = "next-auth.session-token=";

/** Asks the dev server for the first pages one at a time, in the background; a failure only means a cold page. */
export async function warmDevPages(base: string) {
  for (const path of FIRST_PAGES) {
    await fetch(new URL(path, base), { headers: { cookie: WARM_UP_COOKIE }, redirect: "manual" })
      .then((res) => res.arrayBuffer())
      .catch(() => {});
  }
}
