import { requirePermission } from "@/lib/doors/auth/session";
import { getAllSettings } from "@/lib/settings/settings";
import type { Metadata } from "next";
import { TokenPolicyForm } from "./_components/token-policy-form";
import { ValidationCacheForm } from "./_components/validation-cache-form";

export const metadata: Metadata = { title: "Token policy" };
export const dynamic = "force-dynamic";

export default async function TokenPolicyPage() {
  const { actor } = await requirePermission("settings.manage"); // the layout checks too; pages render in parallel with it
  const settings = await getAllSettings({ actor });

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Token policy</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          How long tokens live, how long applications may ask for, and how long dead tokens are kept. Changes apply at once, without a
          restart.
        </p>
      </div>
      <TokenPolicyForm initialSettings={settings} />
      <ValidationCacheForm initialSettings={settings} />
    </div>
  );
}
