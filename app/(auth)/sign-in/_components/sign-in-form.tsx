"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signInErrorMessage } from "@/lib/engine/identity/messages.shared";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFocusFirstInvalid } from "../../_components/use-focus-first-invalid";

type SignInErrors = { email?: string; password?: string; form?: string | null };

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const [errors, setErrors] = useState<SignInErrors>({ form: initialError });
  const [pending, setPending] = useState(false);
  const formRef = useFocusFirstInvalid(errors);

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
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res?.ok || res.error) return setErrors({ form: signInErrorMessage(res?.error ?? "failed") });
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setErrors({ form: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={errors.form} />
      <FormField label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="username" required />
      </FormField>
      <FormField label="Password" error={errors.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
