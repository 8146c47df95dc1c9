"use client";

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
import { useUpdateGateway } from "@/lib/client/gateways/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import { updateGatewaySchema, type GatewaySummary } from "@/lib/gateways/schemas.shared";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";
import { GatewayFields, readGatewayForm, type GatewayFieldErrors } from "./gateway-fields";

/** "Edit": rename, relabel or re-point a gateway; its secrets stay as they are. */
export function EditGatewayDialog({ gateway }: { gateway: GatewaySummary }) {
  const update = useUpdateGateway(gateway.id);
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<GatewayFieldErrors>({});

  function onOpenChange(next: boolean) {
    setOpen(next);
    setErrors({});
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateGatewaySchema.safeParse(readGatewayForm(event.currentTarget));
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    update.mutate(parsed.data, {
      onSuccess: (saved) => {
        toast.success(`Gateway ${saved.name} saved.`);
        setOpen(false);
      },
      onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Edit ${gateway.name}`}>
          <Pencil aria-hidden="true" /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit {gateway.name}</DialogTitle>
          <DialogDescription>The signing secret and introspection credentials do not change.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormError message={errors.form} />
          <GatewayFields errors={errors} defaults={gateway} />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={update.isPending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
