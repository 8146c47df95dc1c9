import { UsersTable } from "@/components/users/users-table";
import { requirePermission } from "@/lib/doors/auth/session";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const { user } = await requirePermission("users.manage");

  return (
    <div className="grid min-w-0 gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-muted-foreground">
          Promote, demote or suspend accounts. Suspending signs the user out and revokes every token of their applications and every token
          other applications hold for them.
        </p>
      </div>
      <UsersTable selfId={user.id} />
    </div>
  );
}
