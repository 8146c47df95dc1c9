import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { AppError } from "@/lib/base/errors.shared";
import { issuer } from "@/lib/base/issuer";
import { requireUser } from "@/lib/doors/auth/session";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { latestReuseAlert } from "@/lib/grants/reuse-alert";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { APP_TABS } from "./_components/app-tabs";
import { AppWorkspace } from "./_components/app-workspace";

type AppPageProps = { params: Promise<{ appId: string }>; searchParams: Promise<{ tab?: string | string[] }> };

// The tab title names the application, so several open applications can be told apart.
export async function generateMetadata({ params }: Pick<AppPageProps, "params">): Promise<Metadata> {
  const user = await requireUser();
  const { appId } = await params;
  const app = await getAppOrThrow({ appId, actor: personActor(user), may: "apps.open" }).catch(() => null);

  return { title: app?.name ?? "Application not found" };
}

export default async function AppPage({ params, searchParams }: AppPageProps) {
  const user = await requireUser();
  const [{ appId }, { tab }] = await Promise.all([params, searchParams]);
  // Another user's application is the same 404 as one that does not exist.
  const app = await getAppOrThrow({ appId, actor: personActor(user), may: "apps.open" }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const openTab = APP_TABS.find((t) => t === tab) ?? "keys";
  const policy = await readTokenPolicy(); // read per request: the admin's changes show on the next load
  const alert = await latestReuseAlert({ appId });

  return (
    <>
      {alert && (
        <div role="alert" className="mb-4 rounded-md border border-destructive/50 bg-destructive/10 px-4 py-3 text-sm">
          <p className="font-semibold">A used {alert.kind} was presented again</p>
          <p>
            On {new Date(alert.at).toUTCString()} someone replayed a {alert.kind} of this application: it may have been stolen. Every token
            of that grant ({alert.count}) was revoked and gateways were told. See the Activity tab.
          </p>
        </div>
      )}
      <AppWorkspace initialApp={app} issuer={issuer()} tab={openTab} policy={policy} />
    </>
  );
}
