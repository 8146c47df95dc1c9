import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { KeyRound } from "lucide-react";
import Link from "next/link";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function SiteHeader({ user }: { user: SessionUser }) {
  const adminLinks = [
    { href: "/admin", label: "Admin" },
    { href: "/admin/gateways", label: "Gateways" },
    { href: "/admin/token-policy", label: "Token policy" },
  ];
  const links = [{ href: "/apps", label: "Applications" }, ...(hasRole(user.role, "admin") ? adminLinks : [])];

  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div className="mx-auto flex min-h-14 w-full max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:flex-nowrap sm:gap-6 sm:px-6 sm:py-0">
        <Link
          href="/apps"
          className="flex items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <KeyRound className="size-5" aria-hidden="true" />
          <span className="hidden sm:inline">Portcullis</span>
          <span className="sr-only sm:hidden">Portcullis</span>
        </Link>
        {/* On a phone the links get a row of their own and wrap: none hides off-screen. */}
        <div className="order-last w-full sm:order-none sm:w-auto sm:min-w-0">
          <NavLinks links={links} />
        </div>
        <div className="ml-auto">
          <UserMenu email={user.email} name={user.name ?? null} />
        </div>
      </div>
    </header>
  );
}
