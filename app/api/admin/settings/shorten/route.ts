import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { shortenTokensSchema } from "@/lib/settings/schemas";
import { shortenTokens } from "@/lib/tokens/shorten-tokens";

// POST /api/admin/settings/shorten — cut the active tokens that outlive a new maximum down to it; gateways hear token.updated.
export const POST = withSession(
  async ({ req, actor }) => {
    const { type, maxTtl } = shortenTokensSchema.parse(await req.json());
    const { notices, ...shortened } = await shortenTokens({ type, maxTtl, actor });
    flushAfterResponse(notices);

    return Response.json(shortened);
  },
  { may: "settings.manage" },
);
