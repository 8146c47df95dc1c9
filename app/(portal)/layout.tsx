import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/doors/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();

  return <AppShell user={user}>{children}</AppShell>;
}
