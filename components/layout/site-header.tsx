import { personActor } from "@/lib/engine/identity/actor.shared";
import { can } from "@/lib/engine/identity/permissions.shared";
import type { SessionUser } from "@/lib/engine/identity/roles.shared";
import { KeyRound } from "lucide-react";
import Link from "next/link";
import { ADMIN_LINKS } from "./admin-links";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function SiteHeader({ user }: { user: SessionUser }) {
  const actor = personActor(user);
  const links = [
    { href: "/apps", label: "Applications" },
    { href: "/apis", label: "Catalog" },
    ...ADMIN_LINKS.filter((link) => can(actor, link.may)).map(({ href, label }) => ({ href, label })),
  ];
  // An admin's eleven links do not fit one row beside the logo and the menu even at 1440 px: they always
  // get a row of their own, which wraps. A subscriber's few links share the top row from xl up.
  const oneRow = links.length <= 4;

  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div
        className={`mx-auto flex min-h-14 w-full max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6 ${oneRow ? "xl:flex-nowrap xl:gap-6 xl:py-0" : ""}`}
      >
        <Link
          href="/apps"
          className="flex items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <KeyRound className="size-5" aria-hidden="true" />
          <span className="hidden sm:inline">Portcullis</span>
          <span className="sr-only sm:hidden">Portcullis</span>
        </Link>
        {/* Otherwise the links get a row of their own and wrap: none hides off-screen. */}
        <div className={`order-last w-full ${oneRow ? "xl:order-none xl:w-auto xl:min-w-0" : ""}`}>
          <NavLinks links={links} />
        </div>
        <div className="ml-auto">
          <UserMenu email={user.email} name={user.name ?? null} />
        </div>
      </div>
    </header>
  );
}
