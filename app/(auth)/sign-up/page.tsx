import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/doors/auth/session";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create account" };

type SignUpPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getCurrentUser()) redirect(target);

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold">Create your account</h1>
        <CardDescription>Register applications and get OAuth2 credentials in minutes.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm callbackUrl={target} />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <span>
          Already have an account?{" "}
          <Link
            href={{ pathname: "/sign-in", query: callbackUrl ? { callbackUrl: target } : {} }}
            className="font-medium text-foreground underline underline-offset-4"
          >
            Sign in
          </Link>
        </span>
      </CardFooter>
    </Card>
  );
}
