import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { bulkRevokeSchema, revokeSearchedTokens } from "@/lib/tokens/revoke-searched-tokens";

// POST /api/admin/tokens/bulk-revoke { tokenIds } — revoke tokens of any applications (and the rest of their grants).
export const POST = withSession(
  async ({ req, actor }) => {
    const { tokenIds } = bulkRevokeSchema.parse(await req.json());
    const { notices, revoked } = await revokeSearchedTokens({ tokenIds, actor });
    flushAfterResponse(notices);

    return Response.json({ revoked });
  },
  { may: "tokens.oversee" },
);
