import { withSession } from "@/lib/doors/http/with-session";
import { tokenStats } from "@/lib/tokens/token-stats";

// GET /api/admin/stats — tokens by state, issued per day for 30 days, and the last purge run.
export const GET = withSession(
  async ({ actor }) => Response.json(await tokenStats({ actor }), { headers: { "Cache-Control": "no-store" } }),
  { may: "stats.read_all" },
);
