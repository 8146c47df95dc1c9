import { ADMIN_LINKS } from "@/components/layout/admin-links";
import { AppShell } from "@/components/layout/app-shell";
import { requirePermission } from "@/lib/doors/auth/session";

// Whoever may open one of the pages it frames (the activity trail is reached from the overview); each page checks its own too.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requirePermission("audit.read_all", ...ADMIN_LINKS.map((link) => link.may));

  return <AppShell user={user}>{children}</AppShell>;
}
