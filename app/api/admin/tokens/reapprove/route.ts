import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { operatorChangeSchema, operatorTarget } from "@/lib/tokens/operator-change-schema";
import { reapproveToken } from "@/lib/tokens/reapprove-token";

// POST /api/admin/tokens/reapprove {token | tokenId, cascade, reason} — Apigee ValidateToken: a revoked, unexpired token is valid again.
export const POST = withSession(
  async ({ req, actor }) => {
    const input = operatorChangeSchema.parse(await req.json());
    const { changed, notices } = await reapproveToken({
      ...operatorTarget(input),
      cascade: input.cascade,
      reason: input.reason,
      actor,
    });
    flushAfterResponse(notices);

    return Response.json({ reapproved: changed.length });
  },
  { may: "tokens.oversee" },
);
