import { APP_TABS } from "@/app/(portal)/apps/[appId]/_components/app-tabs";
import { AppWorkspace } from "@/app/(portal)/apps/[appId]/_components/app-workspace";
import { getOverseenApp } from "@/lib/apps/get-overseen-app";
import { AppError } from "@/lib/base/errors.shared";
import { issuer } from "@/lib/base/issuer";
import { requirePermission } from "@/lib/doors/auth/session";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

type AdminAppPageProps = { params: Promise<{ appId: string }>; searchParams: Promise<{ tab?: string | string[] }> };

export async function generateMetadata({ params }: Pick<AdminAppPageProps, "params">): Promise<Metadata> {
  const { actor } = await requirePermission("apps.oversee");
  const { appId } = await params;
  const app = await getOverseenApp({ appId, actor }).catch(() => null);

  return { title: app ? `${app.name} (admin)` : "Application not found" };
}

/** Any subscriber's application, as an admin sees it: keys, tokens and activity, and revoking. */
export default async function AdminAppPage({ params, searchParams }: AdminAppPageProps) {
  const { actor } = await requirePermission("apps.oversee");
  const [{ appId }, { tab }] = await Promise.all([params, searchParams]);
  const app = await getOverseenApp({ appId, actor }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const openTab = APP_TABS.find((t) => t === tab && t !== "settings") ?? "keys";

  return (
    <AppWorkspace
      initialApp={app}
      issuer={issuer()}
      tab={openTab}
      policy={await readTokenPolicy()}
      oversight={{ ownerEmail: app.ownerEmail }}
    />
  );
}
