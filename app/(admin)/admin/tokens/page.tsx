import { TokenSearch } from "@/components/tokens/token-search";
import { requirePermission } from "@/lib/doors/auth/session";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Tokens" };

export default async function AdminTokensPage() {
  await requirePermission("tokens.oversee");

  return (
    <div className="grid min-w-0 gap-6">
      <div>
        <h1 id="token-search-heading" tabIndex={-1} className="text-2xl font-semibold outline-none">
          Tokens
        </h1>
        <p className="text-sm text-muted-foreground">
          Every application&apos;s tokens. Select active ones to revoke them together; you see what it touches before anything changes.
        </p>
      </div>
      <TokenSearch />
    </div>
  );
}
