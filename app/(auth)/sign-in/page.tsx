import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signedOutNotice } from "@/lib/auth/signed-out-notice";
import { issuer } from "@/lib/base/issuer";
import { getCurrentUser } from "@/lib/doors/auth/session";
import { signInErrorMessage } from "@/lib/engine/identity/messages.shared";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error, signedOut, prompt } = await searchParams;
  // An application asked for a fresh sign-in (prompt=login): the form even for someone signed in.
  const again = prompt === "login";
  const notice = again ? "The application asks you to sign in again." : signedOutNotice(signedOut);
  const target = safeCallbackUrl(callbackUrl);
  if (!again && (await getCurrentUser())) redirect(target);

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold">Sign in</h1>
        <CardDescription>Manage your applications, keys and tokens.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {notice && (
          <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm">
            {notice}
          </p>
        )}
        <SignInForm callbackUrl={target} issuer={issuer()} initialError={signInErrorMessage(typeof error === "string" ? error : null)} />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <span>
          New here?{" "}
          <Link
            href={{ pathname: "/sign-up", query: callbackUrl ? { callbackUrl: target } : {} }}
            className="font-medium text-foreground underline underline-offset-4"
          >
            Create an account
          </Link>
        </span>
      </CardFooter>
    </Card>
  );
}
