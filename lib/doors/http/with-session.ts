import { clientIp } from "@/lib/base/client-ip";
import { AppError } from "@/lib/base/errors.shared";
import { getSession } from "@/lib/doors/auth/session";
import { toErrorResponse } from "@/lib/doors/http/error-response";
import { personActor, type Person } from "@/lib/engine/identity/actor.shared";
import { forbidden } from "@/lib/engine/identity/assert-can";
import { can, type Action } from "@/lib/engine/identity/permissions.shared";
import type { SessionUser } from "@/lib/engine/identity/roles.shared";
import { guardRequest, hasNul } from "./guard-request";

/** `actor` is the signed-in person, with the request's address: what every verb takes. */
export type SessionContext<P> = { req: Request; params: P; user: SessionUser; actor: Person };

/**
 * The only way a portal route handler reads the user: refuses cross-origin and non-JSON writes,
 * guards the session and, with `may`, the action (lib/engine/identity/permissions.shared.ts), maps
 * every error to our JSON, and keeps every answer out of caches.
 */
export function withSession<P = Record<string, never>>(
  handler: (ctx: SessionContext<P>) => Promise<Response>,
  opts: { may?: Action } = {},
) {
  return async (req: Request, { params }: { params: Promise<P> }) => {
    const answer = async () => {
      try {
        const guarded = await guardRequest(req);
        const values = await params;
        // An id with U+0000 matches nothing anywhere (and PostgreSQL refuses to even compare it).
        if (Object.values(values ?? {}).some((v) => typeof v === "string" && hasNul(v))) throw new AppError("not_found", "Not found.");
        const user = (await getSession())?.user;
        if (!user) throw new AppError("unauthorized", "Sign in to continue.");
        const actor = personActor(user, clientIp(req));
        if (opts.may && !can(actor, opts.may)) throw forbidden(opts.may);

        return await handler({ req: guarded, params: values, user, actor });
      } catch (err) {
        return toErrorResponse(err);
      }
    };

    return noStore(await answer());
  };
}

/** What a signed-in user was answered is theirs alone: no shared or browser cache keeps it. */
export function noStore(res: Response): Response {
  res.headers.set("Cache-Control", "no-store");

  return res;
}
