const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const DEFAULT_REVOKE_PATH = "/portcullis/revoke";

type StartCommandOptions = { issuer: string; revokeUrl: string; clientId: string; clientSecret: string; signingSecret: string };

/**
 * `npm run gateway -- …` for the reference gateway, listening where the revoke URL points. The
 * upstream is the API the gateway protects, which the portal cannot know: it is the one value to edit.
 */
export function gatewayStartCommand({ issuer, revokeUrl, clientId, clientSecret, signingSecret }: StartCommandOptions): string {
  const url = new URL(revokeUrl);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const flags = [
    `--port ${port}`,
    ...(LOOPBACK.has(url.hostname) ? [] : ["--host 0.0.0.0"]),
    ...(url.pathname === DEFAULT_REVOKE_PATH ? [] : [`--revoke-path ${url.pathname}`]),
    "--upstream http://127.0.0.1:8080",
    `--key-manager ${issuer}`,
    `--client-id ${clientId}`,
    `--client-secret ${clientSecret}`,
    `--signing-secret ${signingSecret}`,
    "--ttl 300",
  ];

  return `npm run gateway -- ${flags.join(" \\\n  ")}`;
}
