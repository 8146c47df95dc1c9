import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { operatorChangeSchema, operatorTarget } from "@/lib/tokens/operator-change-schema";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";

// POST /api/admin/tokens/revoke {token | tokenId, cascade, reason} — Apigee InvalidateToken; cascade off revokes the token alone.
export const POST = withSession(
  async ({ req, actor }) => {
    const input = operatorChangeSchema.parse(await req.json());
    const { changed, notices } = await revokeByOperator({
      ...operatorTarget(input),
      cascade: input.cascade,
      reason: input.reason,
      actor,
    });
    flushAfterResponse(notices);

    return Response.json({ revoked: changed.length });
  },
  { may: "tokens.oversee" },
);
