import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { lifecycleSchema } from "@/lib/apis/schemas.shared";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";

// POST /api/admin/apis/:apiId/lifecycle — publish, deprecate or retire (retiring tells every gateway).
export const POST = withSession<{ apiId: string }>(
  async ({ req, params, actor }) => {
    const { action } = lifecycleSchema.parse(await req.json());
    const { status, notices } = await changeApiLifecycle({ apiId: params.apiId, action, actor });
    flushAfterResponse(notices);

    return Response.json({ status });
  },
  { may: "apis.manage" },
);
