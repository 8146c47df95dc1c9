"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/client/http/fetch-json";
import { signInErrorMessage } from "@/lib/engine/identity/messages.shared";
import { signUpSchema } from "@/lib/users/sign-up-schema.shared";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";
import { leaveFor, useResetOnReturn } from "../../_components/leave-for";
import { signInWithPassword } from "../../_components/sign-in-with-password";
import { useFocusFirstInvalid } from "../../_components/use-focus-first-invalid";
import { useHydrated } from "../../_components/use-hydrated";

type SignUpErrors = { name?: string[]; email?: string[]; password?: string[]; form?: string | null };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<SignUpErrors>({});
  const [pending, setPending] = useState(false);
  const formRef = useFocusFirstInvalid(errors);
  useResetOnReturn(setPending);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setPending(true);
    setErrors({});
    try {
      await fetchJson("/api/users", { method: "POST", json: parsed.data });
      const res = await signInWithPassword(parsed.data.email, parsed.data.password);
      if (!res?.ok || res.error) {
        // The account exists; only the automatic sign-in failed (e.g. rate limited).
        setPending(false);
        router.push("/sign-in");
        return toast.error(signInErrorMessage(res?.error ?? "failed"));
      }
      leaveFor(callbackUrl);
    } catch (err) {
      setPending(false);
      if (err instanceof ApiError && err.fields) return setErrors(err.fields);
      setErrors({ form: err instanceof ApiError ? err.message : "Could not create the account. Try again." });
    }
  }

  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={errors.form} />
      <FormField label="Name" description="Optional. Shown in your account menu." error={errors.name}>
        <Input name="name" autoComplete="name" maxLength={100} />
      </FormField>
      <FormField label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="email" required />
      </FormField>
      <FormField label="Password" description="At least 10 characters; not a common password, not your email." error={errors.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <Button type="submit" pending={pending} disabled={!hydrated} className="w-full">
        Create account
      </Button>
    </form>
  );
}
