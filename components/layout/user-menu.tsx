"use client";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { AppWindow, ChevronDown, LogOut, Settings, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";

export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const [pending, setPending] = useState(false);

  async function onSignOut() {
    setPending(true);
    try {
      await signOut({ redirect: false });
      // A full load drops every cached query of the old session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose
      window.location.assign("/sign-in");
    } catch {
      setPending(false);
      toast.error("Could not sign out. Try again.");
    }
  }

  return (
    // Non-modal: a modal menu aria-hides the page behind it while its links stay focusable.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account menu, ${email}`} className="max-w-[14rem]">
          <UserRound aria-hidden="true" />
          <span className="hidden truncate sm:inline">{email}</span>
          <ChevronDown aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="font-normal">
          {name && <span className="block truncate font-medium">{name}</span>}
          <span className="block truncate text-muted-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <Settings aria-hidden="true" />
            Account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/authorized">
            <AppWindow aria-hidden="true" />
            Authorized applications
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem disabled={pending} onSelect={onSignOut}>
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
