import { SecretValue } from "./secret-value";
import { ShownOnceNotice } from "./shown-once-notice";

type CredentialsRevealProps = { clientId: string; clientSecret: string };

/** client_id and a freshly issued client secret, right after create or regenerate. */
export function CredentialsReveal({ clientId, clientSecret }: CredentialsRevealProps) {
  return (
    <div className="grid gap-4" data-testid="credentials-reveal">
      <ShownOnceNotice>
        Copy the client secret now and keep it somewhere safe: <strong>you won&apos;t see it again</strong>. Only its last 4 characters are
        kept.
      </ShownOnceNotice>
      <SecretValue label="Client ID" value={clientId} />
      <SecretValue label="Client secret" value={clientSecret} />
    </div>
  );
}
