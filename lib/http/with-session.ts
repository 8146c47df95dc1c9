import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";
import { getSession } from "@/lib/auth/session";
import { clientIp } from "./client-ip";
import { AppError, toErrorResponse } from "./errors";

export type SessionContext<P> = { req: Request; params: P; user: SessionUser; ip: string | null };

/** The only way a portal route handler reads the user: guards, then maps every error to our JSON. */
export function withSession<P = Record<string, never>>(handler: (ctx: SessionContext<P>) => Promise<Response>, opts: { role?: Role } = {}) {
  return async (req: Request, { params }: { params: Promise<P> }) => {
    try {
      const user = (await getSession())?.user;
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      if (opts.role && !hasRole(user.role, opts.role)) throw new AppError("forbidden", `Requires the ${opts.role} role.`);

      return await handler({ req, params: await params, user, ip: clientIp(req) });
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
