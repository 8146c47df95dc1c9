import { withSession } from "@/lib/doors/http/with-session";
import { operatorChangeSchema, operatorTarget } from "@/lib/tokens/operator-change-schema";
import { previewOperatorChange } from "@/lib/tokens/preview-operator-change";

// POST /api/admin/tokens/preview {token | tokenId, cascade} — what revoke and re-approve would change, changing nothing.
// POST, not GET: the token's value must not travel in a URL (logs, history).
export const POST = withSession(
  async ({ req, actor }) => {
    const input = operatorChangeSchema.parse(await req.json());

    return Response.json(await previewOperatorChange({ ...operatorTarget(input), cascade: input.cascade, actor }));
  },
  { may: "tokens.oversee" },
);
