import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { suspendUser } from "@/lib/users/suspend-user";
import { unsuspendUser } from "@/lib/users/unsuspend-user";

// PUT /api/admin/users/:userId/suspension — suspend: sessions end, every token of the user's applications is revoked.
export const PUT = withSession<{ userId: string }>(
  async ({ params, actor }) => {
    const { notices, ...suspended } = await suspendUser({ userId: params.userId, actor });
    flushAfterResponse(notices);

    return Response.json(suspended);
  },
  { may: "users.manage" },
);

// DELETE /api/admin/users/:userId/suspension — lift it; revoked tokens stay revoked.
export const DELETE = withSession<{ userId: string }>(
  async ({ params, actor }) => Response.json(await unsuspendUser({ userId: params.userId, actor })),
  { may: "users.manage" },
);
