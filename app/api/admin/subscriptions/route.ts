import { withSession } from "@/lib/doors/http/with-session";
import { listPendingSubscriptions } from "@/lib/subscriptions/list-subscriptions";

// GET /api/admin/subscriptions — requests and tier changes waiting for approval.
export const GET = withSession(async ({ actor }) => Response.json(await listPendingSubscriptions({ actor })), {
  may: "subscriptions.review",
});
