"use client";

import { cn } from "@/lib/client/cn";
import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { href: string; label: string };

export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  // The most specific link is current: on /admin/gateways that is "Gateways", not "Admin".
  const currentHref = links
    .map((l) => l.href)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];

  return (
    <nav aria-label="Main" className="min-w-0">
      <ul className="flex flex-wrap items-center gap-1 xl:flex-nowrap">
        {links.map(({ href, label }) => {
          const current = href === currentHref;

          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
                  current && "bg-accent text-foreground",
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
