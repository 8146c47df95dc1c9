"use client";

import { RelativeTime } from "@/components/apps/relative-time";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { buttonVariants } from "@/components/ui/button";
import type { OperatorChangePreview } from "@/lib/tokens/preview-operator-change";

export type Action = "revoke" | "reapprove";

type ConfirmProps = { action: Action; preview: OperatorChangePreview; cascade: boolean; onConfirm: () => void; onCancel: () => void };

const tokens = (n: number) => `${n.toLocaleString("en")} token${n === 1 ? "" : "s"}`;
const KIND: Record<string, string> = { access_token: "An access token", refresh_token: "A refresh token" };

/** The token action's confirmation: which token, in which state, and how many tokens the action changes, or why none. */
export function TokenActionConfirm({ action, preview, cascade, onConfirm, onCancel }: ConfirmProps) {
  const count = action === "revoke" ? preview.revoke : preview.reapprove;
  const verb = action === "revoke" ? "Revoke" : "Re-approve";
  const nothing =
    action === "revoke"
      ? "Every token it covers is revoked already."
      : "None of the tokens it covers is both revoked and unexpired, or they were revoked by a refresh (a used refresh token stays used).";

  return (
    <AlertDialog open onOpenChange={(open) => open || onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{count === 0 ? `Nothing to ${verb.toLowerCase()}` : `${verb} ${tokens(count)}?`}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="grid gap-2">
              <p>
                {KIND[preview.token.type] ?? "A token"}
                {preview.app ? ` of ${preview.app.name} (${preview.app.clientId})` : ""}, {preview.token.state}.
              </p>
              <p>
                <RelativeTime iso={preview.token.expiresAt} prefix={preview.token.state === "expired" ? "Expired " : "Expires "} />
              </p>
              <p>
                {cascade ? `With its grant: ${tokens(preview.covered)} in all. ` : "This token alone. "}
                {count === 0
                  ? nothing
                  : action === "revoke"
                    ? "Every gateway refuses them at once."
                    : "Every gateway accepts them again at once."}
              </p>
            </div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{count === 0 ? "Close" : "Cancel"}</AlertDialogCancel>
          {count > 0 && (
            <AlertDialogAction className={action === "revoke" ? undefined : buttonVariants()} onClick={onConfirm}>
              {verb} {tokens(count)}
            </AlertDialogAction>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
