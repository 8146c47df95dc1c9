import { requirePermission } from "@/lib/doors/auth/session";
import type { Metadata } from "next";
import { TokenActionForm } from "./_components/token-action-form";

export const metadata: Metadata = { title: "Revoke or re-approve" };

export default async function TokenActionsPage() {
  await requirePermission("tokens.oversee");

  return (
    <div className="grid max-w-2xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Revoke or re-approve a token</h1>
        <p className="text-sm text-muted-foreground">
          Revoking a token also revokes the rest of its grant (its refresh token, or the access tokens issued from it) unless you turn
          cascade off. A revoked token that has not expired can be re-approved. Every gateway hears of either at once.
        </p>
      </div>
      <TokenActionForm />
    </div>
  );
}
