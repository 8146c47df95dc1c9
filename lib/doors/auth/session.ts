import { personActor, type Person } from "@/lib/engine/identity/actor.shared";
import { can, type Action } from "@/lib/engine/identity/permissions.shared";
import type { SessionUser } from "@/lib/engine/identity/roles.shared";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";

/** One session read per request, however many components ask. */
export const getSession = cache(() => getServerSession(authOptions));

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getSession())?.user ?? null;
}

/** For pages and layouts: signed-out visitors go to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");

  return user;
}

/**
 * For pages and layouts: the signed-in person, if they may take at least one of `actions` (a page
 * names the one its verbs need, a layout those of the pages it frames). Anyone else gets 404, so the
 * page does not even confirm that it exists; signed-out visitors go to sign-in.
 */
export async function requirePermission(...actions: [Action, ...Action[]]): Promise<{ user: SessionUser; actor: Person }> {
  const user = await requireUser();
  const actor = personActor(user);
  if (!actions.some((action) => can(actor, action))) notFound();

  return { user, actor };
}
