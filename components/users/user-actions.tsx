"use client";

import { plural } from "@/components/apps/plural";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useSetSuspension, useSetUserRole } from "@/lib/client/users/queries";
import type { UserSummary } from "@/lib/users/user-list-query";
import { toast } from "sonner";

/** Promote / demote, and suspend (confirmed: it revokes tokens) or lift a suspension, for one account. */
export function UserActions({ user, self }: { user: UserSummary; self: boolean }) {
  const setRole = useSetUserRole(user.id);
  const suspension = useSetSuspension(user.id);
  const fail = (err: Error) => toast.error(`Nothing changed: ${err.message}`);
  const nextRole = user.role === "admin" ? "subscriber" : "admin";

  if (self) return <span className="text-sm text-muted-foreground">You</span>;

  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button
        variant="outline"
        size="sm"
        pending={setRole.isPending}
        aria-label={`${user.role === "admin" ? "Demote" : "Promote"} ${user.email}`}
        onClick={() =>
          setRole.mutate(nextRole, {
            onSuccess: () => toast.success(`${user.email} is now ${nextRole === "admin" ? "an admin" : "a subscriber"}.`),
            onError: fail,
          })
        }
      >
        {user.role === "admin" ? "Demote" : "Promote"}
      </Button>
      {user.suspendedAt ? (
        <Button
          variant="outline"
          size="sm"
          pending={suspension.isPending}
          aria-label={`Unsuspend ${user.email}`}
          onClick={() => suspension.mutate(false, { onSuccess: () => toast.success(`${user.email} may sign in again.`), onError: fail })}
        >
          Unsuspend
        </Button>
      ) : (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="destructive" size="sm" pending={suspension.isPending} aria-label={`Suspend ${user.email}`}>
              Suspend
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle className="[overflow-wrap:anywhere]">Suspend {user.email}?</AlertDialogTitle>
              <AlertDialogDescription>
                They are signed out everywhere and cannot sign in. Every active token of their {plural(user.apps, "application")} is
                revoked, and so is every token other applications hold for them (their consent to those is forgotten); every gateway is
                told. Their clients get no new tokens until the suspension is lifted. Revoked tokens stay revoked.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction
                onClick={() =>
                  suspension.mutate(true, {
                    onSuccess: (r) => toast.success(`${user.email} is suspended; ${plural(r.revokedTokens ?? 0, "token")} revoked.`),
                    onError: fail,
                  })
                }
              >
                Suspend
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      )}
    </div>
  );
}
