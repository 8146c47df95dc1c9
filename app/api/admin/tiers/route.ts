import { createTier, listTiers } from "@/lib/apis/create-tier";
import { createTierSchema } from "@/lib/apis/schemas.shared";
import { withSession } from "@/lib/doors/http/with-session";

// GET /api/admin/tiers — every tier, slowest first.
export const GET = withSession(async ({ actor }) => Response.json(await listTiers({ actor })), { may: "apis.manage" });

// POST /api/admin/tiers — a rate-limit plan APIs can offer.
export const POST = withSession(
  async ({ req, actor }) => {
    const input = createTierSchema.parse(await req.json());

    return Response.json(await createTier({ ...input, actor }), { status: 201 });
  },
  { may: "apis.manage" },
);
