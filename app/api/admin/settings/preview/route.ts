import { withSession } from "@/lib/doors/http/with-session";
import { shortenTokensSchema } from "@/lib/settings/schemas";
import { previewShortening } from "@/lib/tokens/shorten-tokens";

// POST /api/admin/settings/preview — dry run of a lower maximum: the active tokens (by application) that would outlive it. Changes nothing.
export const POST = withSession(
  async ({ req, actor }) => {
    const { type, maxTtl } = shortenTokensSchema.parse(await req.json());

    return Response.json(await previewShortening({ type, maxTtl, actor }), { headers: { "Cache-Control": "no-store" } });
  },
  { may: "settings.manage" },
);
