"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { AppSummary } from "@/lib/apps/schemas.shared";
import { useDeleteApp } from "@/lib/client/apps/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { plural } from "./plural";

/** The danger zone: delete only after the name is typed back; every token is revoked. */
export function DeleteAppDialog({ app }: { app: Pick<AppSummary, "id" | "name"> }) {
  const router = useRouter();
  const remove = useDeleteApp(app.id);
  const [typed, setTyped] = useState("");

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate(typed, {
      onSuccess: ({ revokedTokens }) => {
        toast.success(`Deleted ${app.name}; ${plural(revokedTokens, "active token")} revoked.`);
        router.push("/apps");
        router.refresh();
      },
    });
  }
  const fieldError = remove.error instanceof ApiError ? (remove.error.fields?.confirmName ?? remove.error.message) : remove.error?.message;

  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle>Delete application</CardTitle>
        <CardDescription>Its credentials stop working and every token it holds is revoked. The activity trail is kept.</CardDescription>
      </CardHeader>
      <CardContent>
        <Dialog onOpenChange={() => (setTyped(""), remove.reset())}>
          <DialogTrigger asChild>
            <Button variant="destructive">Delete application</Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Delete {app.name}?</DialogTitle>
              <DialogDescription>This cannot be undone. Clients using its credentials or tokens are refused at once.</DialogDescription>
            </DialogHeader>
            <form onSubmit={onSubmit} className="grid gap-4">
              <FormField label={`Type ${app.name} to confirm`} error={fieldError}>
                <Input name="confirmName" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
              </FormField>
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="outline">
                    Cancel
                  </Button>
                </DialogClose>
                <Button type="submit" variant="destructive" disabled={typed !== app.name} pending={remove.isPending}>
                  Delete this application
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
