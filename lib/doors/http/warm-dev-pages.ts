import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The pages a newcomer meets first, in the order they meet them. `next dev` compiles a route on its
 * first request: compiled now, the first page and the page after sign-in do not wait tens of seconds.
 */
const FIRST_PAGES = ["/sign-in", "/api/auth/session", "/apps", "/sign-up", "/"];
// An empty session cookie gets past the proxy's optimistic redirect, so the signed-in layout compiles (and then
// redirects); empty, next-auth does not try to decode it (and log a bad token).
const WARM_UP_COOKIE = "next-auth.session-token=";
const WARM_UP_HEADER = "x-portcullis-warm-up";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The development server's warm-up, and the door that holds the browser's requests until it is done. Next's
 * HMR client reloads a page whose HTML was served before another route finished compiling (its HMR version is
 * stale by the time it subscribes), so a sign-in page opened during the warm-up reloaded under the newcomer's
 * typing, several times. Held, its first page comes when every first page is compiled, and stays. The
 * warm-up's own requests and the health check pass.
 */
export function devWarmUp() {
  let done = () => {};
  const ready = new Promise<void>((resolve) => (done = resolve));

  return {
    hold:
      (handler: Handler): Handler =>
      (req, res) => {
        if (req.headers[WARM_UP_HEADER] !== undefined || req.url === "/api/health") return handler(req, res);
        void ready.then(() => handler(req, res));
      },
    /** Asks for the first pages one at a time; a failure only means a cold page. */
    async start(base: string, log: (line: string) => void) {
      const started = Date.now();
      for (const path of FIRST_PAGES) {
        await fetch(new URL(path, base), { headers: { cookie: WARM_UP_COOKIE, [WARM_UP_HEADER]: "1" }, redirect: "manual" })
          .then((res) => res.arrayBuffer())
          .catch(() => {});
      }
      done();
      log(`  first pages compiled in ${Math.round((Date.now() - started) / 1000)} s`);
    },
  };
}
