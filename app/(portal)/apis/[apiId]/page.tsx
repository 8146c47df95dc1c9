import { OpenapiDocs } from "@/components/apis/openapi-docs";
import { StatusBadge } from "@/components/apis/status-badge";
import { SubscribeForm } from "@/components/apis/subscribe-form";
import { getApiOrThrow } from "@/lib/apis/list-apis";
import { listApps } from "@/lib/apps/list-apps";
import { AppError } from "@/lib/base/errors.shared";
import { requireUser } from "@/lib/doors/auth/session";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { listUserSubscriptionsToApi } from "@/lib/subscriptions/list-subscriptions";
import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "API" };

export default async function ApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const actor = personActor(await requireUser());
  const { apiId } = await params;
  const api = await getApiOrThrow({ apiId, actor }).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [apps, subscriptions] = await Promise.all([listApps({ actor, limit: 100 }), listUserSubscriptionsToApi({ actor, apiId })]);

  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid gap-1">
        <Link href="/apis" className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeft className="size-4" aria-hidden="true" /> Catalog
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">
            {api.name} {api.version}
          </h1>
          <StatusBadge status={api.status} />
        </div>
        <code className="text-sm text-muted-foreground">
          {api.gatewayUrl ?? ""}
          {api.context}/{api.version}
        </code>
        {api.description && <p className="[overflow-wrap:anywhere] text-muted-foreground">{api.description}</p>}
      </div>
      <section className="grid gap-2" aria-labelledby="tiers-heading">
        <h2 id="tiers-heading" className="text-lg font-semibold">
          Tiers
        </h2>
        <ul className="grid gap-1 text-sm">
          {api.tiers.map((t) => (
            <li key={t.id}>
              <span className="font-medium">{t.name}</span>: {t.requestsPerMinute} requests per minute
              {t.dailyQuota ? `, ${t.dailyQuota} a day` : ""}
            </li>
          ))}
        </ul>
        {api.approvalRequired && <p className="text-sm text-muted-foreground">Subscriptions wait for an administrator&apos;s approval.</p>}
      </section>
      <section className="grid gap-3" aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading" className="text-lg font-semibold">
          Your subscriptions
        </h2>
        <ul className="grid gap-1 text-sm" aria-label="Your subscriptions to this API">
          {subscriptions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/apps/${s.app.id}?tab=subscriptions`} className="font-medium underline-offset-4 hover:underline">
                {s.app.name}
              </Link>
              <StatusBadge status={s.status} /> {s.tier}
              {s.reason && <span className="text-muted-foreground">— {s.reason}</span>}
            </li>
          ))}
          {subscriptions.length === 0 && <li className="text-muted-foreground">None of your applications is subscribed.</li>}
        </ul>
        {api.status === "published" ? (
          <SubscribeForm apiId={api.id} apps={apps.apps.map((a) => ({ id: a.id, name: a.name }))} tiers={api.tiers.map((t) => t.name)} />
        ) : (
          <p className="text-sm text-muted-foreground">This API is {api.status}: it takes no new subscriptions.</p>
        )}
      </section>
      <section id="docs" className="grid min-w-0 scroll-mt-20 gap-3" aria-labelledby="docs-heading">
        <h2 id="docs-heading" className="text-lg font-semibold">
          Documentation
        </h2>
        {api.openapi ? (
          <OpenapiDocs document={api.openapi} />
        ) : (
          <p className="text-sm text-muted-foreground">No OpenAPI document was published.</p>
        )}
      </section>
    </div>
  );
}
