import { clientIp } from "@/lib/base/client-ip";
import { AppError } from "@/lib/base/errors.shared";
import { getSession } from "@/lib/doors/auth/session";
import { toErrorResponse } from "@/lib/doors/http/error-response";
import { hasRole, type Role, type SessionUser } from "@/lib/engine/identity/roles.shared";
import { guardRequest, hasNul } from "./guard-request";

export type SessionContext<P> = { req: Request; params: P; user: SessionUser; ip: string | null };

/**
 * The only way a portal route handler reads the user: refuses cross-origin and non-JSON writes,
 * guards the session and role, maps every error to our JSON, and keeps every answer out of caches.
 */
export function withSession<P = Record<string, never>>(handler: (ctx: SessionContext<P>) => Promise<Response>, opts: { role?: Role } = {}) {
  return async (req: Request, { params }: { params: Promise<P> }) => {
    const answer = async () => {
      try {
        const guarded = await guardRequest(req);
        const values = await params;
        // An id with U+0000 matches nothing anywhere (and PostgreSQL refuses to even compare it).
        if (Object.values(values ?? {}).some((v) => typeof v === "string" && hasNul(v))) throw new AppError("not_found", "Not found.");
        const user = (await getSession())?.user;
        if (!user) throw new AppError("unauthorized", "Sign in to continue.");
        if (opts.role && !hasRole(user.role, opts.role)) throw new AppError("forbidden", `Requires the ${opts.role} role.`);

        return await handler({ req: guarded, params: values, user, ip: clientIp(req) });
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
