"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/client/http/fetch-json";
import { useState } from "react";
import { leaveAfterSessionsEnded } from "./leave-after-sessions-ended";

type Errors = { currentPassword?: string[]; newPassword?: string[]; form?: string | null };

export function ChangePasswordForm() {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      signOutApplications: form.get("signOutApplications") === "on",
    };
    if (!input.currentPassword || input.newPassword.length < 10) {
      return setErrors({
        currentPassword: input.currentPassword ? undefined : ["Enter your current password."],
        newPassword: input.newPassword.length < 10 ? ["Use at least 10 characters."] : undefined,
      });
    }
    setPending(true);
    setErrors({});
    try {
      await fetchJson("/api/account/password", { method: "POST", json: input });
      await leaveAfterSessionsEnded("password");
    } catch (err) {
      setPending(false);
      if (err instanceof ApiError && err.fields) return setErrors(err.fields);
      setErrors({ form: err instanceof ApiError ? err.message : "Could not change the password. Try again." });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={errors.form} />
      <FormField label="Current password" error={errors.currentPassword}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </FormField>
      <FormField
        label="New password"
        description="At least 10 characters; not a common password, not your email."
        error={errors.newPassword}
      >
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="signOutApplications"
          className="mt-0.5 size-4 shrink-0"
          aria-describedby="sign-out-applications-hint"
        />
        <span>
          Also sign out the applications I authorized
          <span id="sign-out-applications-hint" className="block text-muted-foreground">
            Their tokens are revoked and they ask for your consent again. Applications you gave your password to are signed out either way.
          </span>
        </span>
      </label>
      <Button type="submit" pending={pending} className="justify-self-start">
        Change password
      </Button>
    </form>
  );
}
