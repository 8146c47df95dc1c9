"use client";

import { ShownOnceCloseWarning, useShownOnceGuard } from "@/components/secrets/shown-once-guard";
import { Button } from "@/components/ui/button";
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
import { useCreateGateway } from "@/lib/client/gateways/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import type { CreatedGateway } from "@/lib/gateways/create-gateway";
import { createGatewaySchema } from "@/lib/gateways/schemas.shared";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";
import { GatewayCredentialsReveal } from "./gateway-credentials-reveal";
import { GatewayFields, readGatewayForm, type GatewayFieldErrors } from "./gateway-fields";

/** "Add gateway": the form, then — once — the new gateway's secrets and its start command. */
export function AddGatewayDialog({ issuer, label = "Add gateway" }: { issuer: string; label?: string }) {
  const create = useCreateGateway();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<GatewayFieldErrors>({});
  const [created, setCreated] = useState<CreatedGateway | null>(null);
  const guard = useShownOnceGuard(created !== null);

  function close() {
    setOpen(false);
    setCreated(null); // the secrets leave memory with the dialog
    setErrors({});
    guard.dismiss();
    create.reset();
  }

  function onOpenChange(next: boolean) {
    if (next) setOpen(true);
    else if (guard.mayClose()) close();
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createGatewaySchema.safeParse(readGatewayForm(event.currentTarget));
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (result) => {
        setCreated(result);
        toast.success(`Gateway ${result.gateway.name} is registered.`);
      },
      onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{created ? `${created.gateway.name} is registered` : "Add a gateway"}</DialogTitle>
          <DialogDescription>
            {created
              ? "Configure the gateway with these values. It hears of every revocation from now on."
              : "Every enabled gateway is told at once when a token stops being valid."}
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <GatewayCredentialsReveal created={created} issuer={issuer} />
            {guard.asking && <ShownOnceCloseWarning onStay={guard.dismiss} onLeave={close} />}
            <DialogFooter>
              <Button onClick={close}>I&apos;ve saved the secrets</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <FormError message={errors.form} />
            <GatewayFields errors={errors} />
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" pending={create.isPending}>
                Add gateway
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
