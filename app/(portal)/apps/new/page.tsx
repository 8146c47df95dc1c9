import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/doors/auth/session";
import type { Metadata } from "next";
import { CreateAppForm } from "./_components/create-app-form";

export const metadata: Metadata = { title: "New application" };

export default async function NewAppPage() {
  await requireUser();

  return (
    <Card className="mx-auto w-full max-w-2xl">
      <CardHeader>
        <h1 className="text-xl font-semibold">New application</h1>
        <CardDescription>An application gets a client ID and a client secret for the OAuth2 client_credentials grant.</CardDescription>
      </CardHeader>
      <CardContent>
        <CreateAppForm />
      </CardContent>
    </Card>
  );
}
