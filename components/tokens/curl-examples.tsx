import { CopyButton } from "@/components/ui/copy-button";

/** A subscribed API as the application calls it: its gateway URL, context and version. */
export type ApiCall = { name: string; url: string };

type CurlExamplesProps = { issuer: string; clientId: string; accessToken?: string; apiCalls?: ApiCall[] };

/** Ready-to-paste commands. The client secret is never known here, so it stays a shell variable. */
export function CurlExamples({ issuer, clientId, accessToken = "$ACCESS_TOKEN", apiCalls = [] }: CurlExamplesProps) {
  const examples = [
    ...apiCalls.map((api) => ({
      title: `Call ${api.name} through its gateway`,
      command: `curl -H "Authorization: Bearer ${accessToken}" ${api.url}`,
    })),
    {
      title: "Check the token (introspection, RFC 7662)",
      command: `curl -u "${clientId}:$CLIENT_SECRET" -d "token=${accessToken}" ${issuer}/oauth2/introspect`,
    },
    {
      title: "Get a token from your own client (client_credentials)",
      command: `curl -u "${clientId}:$CLIENT_SECRET" -d "grant_type=client_credentials" ${issuer}/oauth2/token`,
    },
  ];

  return (
    <div className="grid gap-3">
      {examples.map((example) => (
        <div key={example.title} className="grid gap-1.5">
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium">{example.title}</span>
            <CopyButton value={example.command} label={`Copy command: ${example.title}`} />
          </div>
          <pre className="overflow-x-auto rounded-md border bg-muted px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap">
            <code>{example.command}</code>
          </pre>
        </div>
      ))}
    </div>
  );
}
