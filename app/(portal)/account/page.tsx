import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/doors/auth/session";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();

  return (
    <div className="mx-auto grid w-full max-w-2xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
      </div>
      <Card>
        <CardHeader>
          <h2 className="text-lg font-semibold">Change password</h2>
          <CardDescription>Every session ends, on this device too: you sign in again with the new password.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <h2 className="text-lg font-semibold">Authorized applications</h2>
          <CardDescription>
            Applications you allowed to act for you.{" "}
            <Link href="/account/authorized" className="font-medium text-foreground underline underline-offset-4">
              Review or revoke them
            </Link>
            .
          </CardDescription>
        </CardHeader>
      </Card>
      <Card>
        <CardHeader>
          <h2 className="text-lg font-semibold">Sign out everywhere</h2>
          <CardDescription>Ends every session of your account, on every browser and device, this one included.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutEverywhereButton />
        </CardContent>
      </Card>
    </div>
  );
}
