import * as z from "zod";

export type ApiRef = { context: string; version: string };
export type ApiRoute = ApiRef & { upstream: string };

// --api /weather:v1=http://127.0.0.1:9001 — the API's context and version, and its upstream.
const ROUTE = /^(\/[A-Za-z0-9._~\-/]*[A-Za-z0-9._~-]):([A-Za-z0-9][A-Za-z0-9._-]*)=(https?:\/\/\S+)$/;

export const apiRouteSchema = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const m = ROUTE.exec(raw);
    if (!m || !URL.canParse(m[3])) {
      ctx.addIssue({ code: "custom", message: `"${raw}" must be CONTEXT:VERSION=URL, e.g. /weather:v1=http://127.0.0.1:9001` });
      return z.NEVER;
    }

    return { context: m[1], version: m[2], upstream: m[3].replace(/\/+$/, "") };
  });

/** The API a request path is for — `<context>/<version>` then `/`, `?` or the end — and the path left for its upstream. */
export function matchApi<R extends ApiRef>(routes: R[], url: string): { route: R; rest: string } | null {
  for (const route of routes) {
    const prefix = `${route.context}/${route.version}`;
    if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) {
      const rest = url.slice(prefix.length);

      return { route, rest: rest.startsWith("/") ? rest : `/${rest}` };
    }
  }

  return null;
}
