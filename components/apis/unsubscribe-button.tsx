"use client";

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
import { useUnsubscribe } from "@/lib/client/subscriptions/queries";
import { toast } from "sonner";

type UnsubscribeButtonProps = { appId: string; subscriptionId: string; label: string; pending: boolean };

/** Unsubscribe (or, while it waits for approval, withdraw the request) after a confirmation that says what stops. */
export function UnsubscribeButton({ appId, subscriptionId, label, pending }: UnsubscribeButtonProps) {
  const unsubscribe = useUnsubscribe(appId);
  const verb = pending ? "Withdraw request" : "Unsubscribe";

  function onConfirm() {
    unsubscribe.mutate(subscriptionId, {
      onSuccess: () => toast.success(pending ? `Withdrew the request for ${label}.` : `Unsubscribed from ${label}.`),
      onError: (err) => toast.error(err.message),
    });
  }

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="outline" pending={unsubscribe.isPending}>
          {verb}
          <span className="sr-only">
            {pending ? " for " : " from "}
            {label}
          </span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{pending ? `Withdraw the request for ${label}?` : `Unsubscribe from ${label}?`}</AlertDialogTitle>
          <AlertDialogDescription>
            {pending
              ? `The administrators will no longer see this request, and the application will not get access to ${label}. You can ask again later.`
              : `Calls to ${label} with this application's tokens are refused by the gateways at once. Its other subscriptions keep working; subscribe again to resume.`}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>{verb}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
