"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";

/**
 * A dialog showing a secret once must not lose it to a stray Escape, × or click outside: the first such
 * close is refused and asks instead. `mayClose()` says whether a close may go through now; the dialog's
 * own "I've saved it" button closes without asking.
 */
export function useShownOnceGuard(showing: boolean) {
  const [asking, setAsking] = useState(false);
  const mayClose = () => {
    if (!showing || asking) return true;
    setAsking(true);
    return false;
  };

  return { asking, mayClose, dismiss: () => setAsking(false) };
}

/** The question a refused close asks, in the dialog. */
export function ShownOnceCloseWarning({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <div role="alert" className="grid gap-3 rounded-md border border-destructive/50 bg-destructive/10 p-3 text-sm">
      <p>
        <strong>Close without saving?</strong> This is the only time the secret is shown; closing now means issuing a new one.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="outline" onClick={onStay} autoFocus>
          Back to the secret
        </Button>
        <Button size="sm" variant="destructive" onClick={onLeave}>
          Close anyway
        </Button>
      </div>
    </div>
  );
}
