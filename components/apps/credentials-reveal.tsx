import { SecretValue } from "./secret-value";
import { ShownOnceNotice } from "./shown-once-notice";

type CredentialsRevealProps = { clientId: string; clientSecret: string | null };

/** client_id and a freshly issued client secret, right after create or regenerate (a public client has none). */
export function CredentialsReveal({ clientId, clientSecret }: CredentialsRevealProps) {
  if (clientSecret === null)
    return (
      <div className="grid gap-4" data-testid="credentials-reveal">
        <p className="text-sm">A public client has no secret: it signs people in with the authorization code flow and PKCE.</p>
        <SecretValue label="Client ID" value={clientId} />
      </div>
    );

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
