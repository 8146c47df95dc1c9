import { clientIp } from "@/lib/base/client-ip";
import { toErrorResponse } from "@/lib/doors/http/error-response";
import { guardRequest } from "./guard-request";
import { noStore } from "./with-session";

/** withSession for the few routes anyone may call (sign-up): the same write guard and error mapping, no user. */
export function withPublic(handler: (ctx: { req: Request; ip: string | null }) => Promise<Response>) {
  return async (req: Request) => {
    try {
      return noStore(await handler({ req: await guardRequest(req), ip: clientIp(req) }));
    } catch (err) {
      return noStore(toErrorResponse(err));
    }
  };
}
