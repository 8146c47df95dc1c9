import { DateTime } from "@/components/apps/date-time";
import { SecretValue } from "@/components/apps/secret-value";
import { ShownOnceNotice } from "@/components/apps/shown-once-notice";
import type { GeneratedAppToken } from "@/lib/tokens/generate-app-token";
import { CurlExamples, type ApiCall } from "./curl-examples";

const minutes = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`);

/** A token just issued in the browser: shown once, with its expiry and commands that use it. */
export function TokenReveal({ token, issuer, apiCalls }: { token: GeneratedAppToken; issuer: string; apiCalls: ApiCall[] }) {
  return (
    <div className="grid gap-4" data-testid="token-reveal">
      <ShownOnceNotice>
        Copy the access token now: <strong>you won&apos;t see it again</strong>. The list below shows it only by its last 4 characters.
      </ShownOnceNotice>
      <SecretValue label="Access token" value={token.accessToken} />
      <p className="text-sm text-muted-foreground">
        Type {token.tokenType}. Expires <DateTime iso={token.expiresAt} /> (in {minutes(token.expiresIn)}).
      </p>
      <CurlExamples issuer={issuer} clientId={token.clientId} accessToken={token.accessToken} apiCalls={apiCalls} />
    </div>
  );
}
