"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { codeSamples } from "./code-samples";

type IssuerEndpointsCardProps = { issuer: string; clientId: string };

/** Keys tab: where the client talks to (each URL with a copy button) and how, in four languages. */
export function IssuerEndpointsCard({ issuer, clientId }: IssuerEndpointsCardProps) {
  const endpoints = [
    { name: "Token", url: `${issuer}/oauth2/token`, note: "RFC 6749: client_credentials" },
    { name: "Revocation", url: `${issuer}/oauth2/revoke`, note: "RFC 7009" },
    { name: "Introspection", url: `${issuer}/oauth2/introspect`, note: "RFC 7662" },
    { name: "Discovery", url: `${issuer}/.well-known/oauth-authorization-server`, note: "RFC 8414 metadata" },
  ];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Endpoints and code</CardTitle>
        <CardDescription>Your client authenticates with its ID and secret (HTTP Basic or form fields) at these URLs.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <dl className="grid gap-3" data-testid="issuer-endpoints">
          {endpoints.map((e) => (
            <div key={e.name} className="grid gap-1">
              <dt className="text-sm font-medium">
                {e.name} <span className="font-normal text-muted-foreground">· {e.note}</span>
              </dt>
              <dd className="flex items-start gap-2">
                <code className="min-w-0 flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all">{e.url}</code>
                <CopyButton value={e.url} label={`Copy the ${e.name.toLowerCase()} URL`} />
              </dd>
            </div>
          ))}
        </dl>
        <Tabs defaultValue="curl">
          <TabsList aria-label="Code sample language">
            {codeSamples({ issuer, clientId }).map((s) => (
              <TabsTrigger key={s.id} value={s.id}>
                {s.label}
              </TabsTrigger>
            ))}
          </TabsList>
          {codeSamples({ issuer, clientId }).map((s) => (
            <TabsContent key={s.id} value={s.id} className="grid gap-2">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm text-muted-foreground">Get a token ({s.label})</span>
                <CopyButton value={s.code} label={`Copy the ${s.label} sample`} />
              </div>
              <div
                role="region"
                tabIndex={0}
                aria-label={`${s.label} sample`}
                className="max-w-full overflow-x-auto rounded-md border bg-muted outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <pre className="px-3 py-2 font-mono text-xs">
                  <code data-language={s.language}>{s.code}</code>
                </pre>
              </div>
            </TabsContent>
          ))}
        </Tabs>
      </CardContent>
    </Card>
  );
}
