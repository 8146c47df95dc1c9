import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

export type ChecklistItem = { id: string; title: string; description: string; href: string; done: boolean };

/**
 * What a new Portcullis needs from its admin before subscribers can rely on it, each step done when
 * its effect exists: part of the admin overview's figures.
 */
export async function firstRunChecklist({ actor }: { actor: Actor }): Promise<ChecklistItem[]> {
  assertCan(actor, "stats.read_all");
  const [gateways, policySaves, publishedApis] = await Promise.all([
    db.gateway.count(),
    db.auditEvent.count({ where: { action: "settings.updated" } }),
    db.api.count({ where: { status: { in: ["published", "deprecated"] } } }),
  ]);

  return [
    {
      id: "register-gateway",
      title: "Register a gateway",
      description: "Gateways hear of every revocation at once. Register each one with its revoke URL.",
      href: "/admin/gateways",
      done: gateways > 0,
    },
    {
      id: "review-token-policy",
      title: "Review the token policy",
      description: "Check the default and maximum token lifetimes, and save them to confirm.",
      href: "/admin/token-policy",
      done: policySaves > 0,
    },
    {
      id: "publish-api",
      title: "Publish an API",
      description: "Subscribers find published APIs in the catalog and subscribe their applications to them.",
      href: "/admin/apis",
      done: publishedApis > 0,
    },
  ];
}
