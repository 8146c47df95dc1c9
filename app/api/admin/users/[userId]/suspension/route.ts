import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { suspendUser } from "@/lib/users/suspend-user";
import { unsuspendUser } from "@/lib/users/unsuspend-user";

// PUT /api/admin/users/:userId/suspension — suspend: sessions end, every token of the user's applications is revoked.
export const PUT = withSession<{ userId: string }>(
  async ({ params, user, ip }) => {
    const { notices, ...suspended } = await suspendUser({ userId: params.userId, actor: user, ip });
    flushAfterResponse(notices);

    return Response.json(suspended);
  },
  { role: "admin" },
);

// DELETE /api/admin/users/:userId/suspension — lift it; revoked tokens stay revoked.
export const DELETE = withSession<{ userId: string }>(
  async ({ params, user, ip }) => Response.json(await unsuspendUser({ userId: params.userId, actor: user, ip })),
  { role: "admin" },
);
