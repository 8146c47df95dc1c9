import { hasRole, type Role, type SessionUser } from "@/lib/engine/identity/roles.shared";
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

/** A page above the user's role answers 404, so it does not even confirm that it exists. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) notFound();

  return user;
}
