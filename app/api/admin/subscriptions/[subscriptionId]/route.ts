import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import * as z from "zod";

const adminActionSchema = z.object({
  action: z.enum(["approve", "reject", "block", "remove"]),
  reason: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});

// POST /api/admin/subscriptions/:subscriptionId — approve (also lifts a block), reject (with a reason), block, or remove
// (a blocked one too, which its subscriber cannot); gateways hear of what begins or ends.
export const POST = withSession<{ subscriptionId: string }>(
  async ({ req, params, actor }) => {
    const { action, reason } = adminActionSchema.parse(await req.json());
    const { status, notices } = await changeSubscription({
      where: { id: params.subscriptionId },
      action: action === "approve" || action === "remove" ? { kind: action } : { kind: action, reason },
      actor,
    });
    flushAfterResponse(notices);

    return Response.json({ status });
  },
  { may: "subscriptions.review" },
);
