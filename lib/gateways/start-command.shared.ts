import { isLoopbackHost } from "@/lib/base/loopback.shared";

const DEFAULT_REVOKE_PATH = "/portcullis/revoke";

type StartCommandOptions = { issuer: string; revokeUrl: string; clientId: string; clientSecret: string; signingSecret: string };

/** POSIX single quotes: nothing inside is expanded, a quote is closed, escaped and reopened. */
export const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * `npm run gateway -- …` for the reference gateway, listening where the revoke URL points. Secrets
 * go in environment variables (GATEWAY_CLIENT_SECRET, GATEWAY_SIGNING_SECRET), not on the command
 * line, where `ps` shows them to every user of the machine; every value is shell-quoted, since the
 * revoke URL's path comes from an admin's input. The upstream is the one value to edit.
 */
export function gatewayStartCommand({ issuer, revokeUrl, clientId, clientSecret, signingSecret }: StartCommandOptions): string {
  const url = new URL(revokeUrl);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const flags: [string, string][] = [
    ["--port", port],
    ...(isLoopbackHost(url.hostname) ? [] : ([["--host", "0.0.0.0"]] as [string, string][])),
    ...(url.pathname === DEFAULT_REVOKE_PATH ? [] : ([["--revoke-path", url.pathname]] as [string, string][])),
    ["--upstream", "http://127.0.0.1:8080"],
    ["--key-manager", issuer],
    ["--client-id", clientId],
    ["--ttl", "300"],
  ];
  const secrets = [
    `export GATEWAY_CLIENT_SECRET=${shellQuote(clientSecret)}`,
    `export GATEWAY_SIGNING_SECRET=${shellQuote(signingSecret)}`,
  ];

  return [...secrets, `npm run gateway -- ${flags.map(([flag, value]) => `${flag} ${shellQuote(value)}`).join(" \\\n  ")}`].join("\n");
}
