"use client";

import { Button } from "@/components/ui/button";
import { ChoiceGroup, type Choice } from "@/components/ui/choice-group";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { DEFAULT_OVERLAP, type SecretOverlap } from "@/lib/base/overlap.shared";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ShownOnceCloseWarning, useShownOnceGuard } from "./shown-once-guard";

type RotateWithOverlapDialogProps<T> = {
  trigger: ReactNode;
  rotate: UseMutationResult<T, Error, SecretOverlap>;
  /** The title and description before the rotation (null) and once the new secret is shown. */
  title: (rotated: T | null) => string;
  description: (rotated: T | null) => string;
  legend: string;
  choices: Choice<SecretOverlap>[];
  submitLabel: string;
  onRotated: (rotated: T, overlap: SecretOverlap) => void;
  /** The new secret, shown once. */
  reveal: (rotated: T) => ReactNode;
};

/** Rotating a secret (a client's, a gateway's signing secret): choose how long the old one overlaps, then see the new one once. */
export function RotateWithOverlapDialog<T>(props: RotateWithOverlapDialogProps<T>) {
  const { rotate } = props;
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState<SecretOverlap>(DEFAULT_OVERLAP);
  const [rotated, setRotated] = useState<T | null>(null);
  const guard = useShownOnceGuard(rotated !== null);

  function close() {
    setOpen(false);
    setRotated(null); // the secret is gone from memory once the dialog closes
    setOverlap(DEFAULT_OVERLAP);
    guard.dismiss();
    rotate.reset();
  }

  function onOpenChange(next: boolean) {
    if (next) setOpen(true);
    else if (guard.mayClose()) close();
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.mutate(overlap, {
      onSuccess: (result) => {
        setRotated(result);
        props.onRotated(result, overlap);
      },
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{props.trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{props.title(rotated)}</DialogTitle>
          <DialogDescription>{props.description(rotated)}</DialogDescription>
        </DialogHeader>
        {rotated ? (
          <>
            {props.reveal(rotated)}
            {guard.asking && <ShownOnceCloseWarning onStay={guard.dismiss} onLeave={close} />}
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4">
            <FormError message={rotate.error?.message} />
            <ChoiceGroup legend={props.legend} name="overlap" choices={props.choices} value={overlap} onChange={setOverlap} />
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant={overlap === "none" ? "destructive" : "default"} pending={rotate.isPending}>
                {props.submitLabel}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
