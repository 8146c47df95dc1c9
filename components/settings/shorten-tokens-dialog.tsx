"use client";

import { plural } from "@/components/apps/plural";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { formatDuration } from "@/lib/base/duration.shared";
import type { ShorteningPreview, TokenType } from "@/lib/settings/schemas";

export type LoweredMaximum = { type: TokenType; maxTtl: number; preview: ShorteningPreview };

type ShortenTokensDialogProps = {
  lowered: LoweredMaximum[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onApply: (shortenExisting: boolean) => void;
  pending: boolean;
};

const NOUN = { access_token: "active access token", refresh_token: "active refresh token" } as const;

/** The dry run of a lowered maximum, shown before saving: which tokens would outlive it, and what to do about them. */
export function ShortenTokensDialog({ lowered, open, onOpenChange, onApply, pending }: ShortenTokensDialogProps) {
  const affected = lowered.reduce((sum, l) => sum + l.preview.total, 0);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Lower the maximum?</DialogTitle>
          <DialogDescription>
            {affected > 0
              ? "Tokens already issued keep their expiry unless you shorten them too. Shortened tokens expire at the new maximum from now, and gateways are told at once."
              : "No active token outlives the new maximum; it applies to new tokens."}
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4" data-testid="dry-run">
          {lowered.map(({ type, maxTtl, preview }) => (
            <section key={type} className="grid min-w-0 gap-2" aria-label={`Dry run for ${type.replace("_", " ")}s`}>
              <p className="text-sm font-medium">
                {plural(preview.total, NOUN[type])} would outlive the new maximum of {formatDuration(maxTtl)}.
              </p>
              {preview.apps.length > 0 && (
                <ul className="grid min-w-0 gap-1 text-sm">
                  {preview.apps.map((app) => (
                    <li key={app.appId ?? app.name} className="flex justify-between gap-4 rounded-md bg-muted px-3 py-1.5">
                      <span className="min-w-0 truncate" title={app.name}>
                        {app.name}
                      </span>
                      <span className="shrink-0 tabular-nums">{plural(app.count, "token")}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant={affected > 0 ? "outline" : "default"} onClick={() => onApply(false)} pending={pending}>
            Apply to new tokens only
          </Button>
          {affected > 0 && (
            <Button onClick={() => onApply(true)} pending={pending}>
              Also shorten existing tokens
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
