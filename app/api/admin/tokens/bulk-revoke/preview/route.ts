import { withSession } from "@/lib/doors/http/with-session";
import { bulkRevokeSchema, previewBulkRevoke } from "@/lib/tokens/revoke-searched-tokens";

// POST /api/admin/tokens/bulk-revoke/preview { tokenIds } — the blast radius of a bulk revoke; changes nothing.
export const POST = withSession(
  async ({ req, actor }) => Response.json(await previewBulkRevoke({ ...bulkRevokeSchema.parse(await req.json()), actor })),
  { may: "tokens.oversee" },
);
