"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ORIGIN_REFUSED, originRefusedMessage } from "@/lib/base/origin.shared";
import { signInErrorMessage } from "@/lib/engine/identity/messages.shared";
import { useState } from "react";
import { leaveFor, useResetOnReturn } from "../../_components/leave-for";
import { signInWithPassword } from "../../_components/sign-in-with-password";
import { useFocusFirstInvalid } from "../../_components/use-focus-first-invalid";
import { useHydrated } from "../../_components/use-hydrated";

type SignInErrors = { email?: string; password?: string; form?: string | null };

type SignInFormProps = { callbackUrl: string; initialError: string | null; issuer: string };

export function SignInForm({ callbackUrl, initialError, issuer }: SignInFormProps) {
  const [errors, setErrors] = useState<SignInErrors>({ form: initialError });
  const [pending, setPending] = useState(false);
  const formRef = useFocusFirstInvalid(errors);
  useResetOnReturn(setPending);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (!email || !password) {
      return setErrors({ email: email ? undefined : "Enter your email.", password: password ? undefined : "Enter your password." });
    }
    setPending(true);
    setErrors({});
    try {
      const res = await signInWithPassword(email, password);
      if (res?.error === ORIGIN_REFUSED) return fail(originRefusedMessage(window.location.origin, issuer));
      if (!res?.ok || res.error) return fail(signInErrorMessage(res?.error ?? "failed"));
      leaveFor(callbackUrl);
    } catch {
      fail("Could not reach the server. Check your connection and try again.");
    }
  }
  function fail(message: string | null) {
    setErrors({ form: message });
    setPending(false);
  }

  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={errors.form} />
      <FormField label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="username" required />
      </FormField>
      <FormField label="Password" error={errors.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <Button type="submit" pending={pending} disabled={!hydrated} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
