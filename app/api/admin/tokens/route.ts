import { withSession } from "@/lib/doors/http/with-session";
import { searchTokens } from "@/lib/tokens/search-tokens";

// GET /api/admin/tokens?cursor&limit&clientId&owner&q&state — every application's tokens, newest first.
export const GET = withSession(
  async ({ req, actor }) => Response.json(await searchTokens({ ...Object.fromEntries(new URL(req.url).searchParams), actor })),
  { may: "tokens.oversee" },
);
