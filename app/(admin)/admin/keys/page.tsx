import { RotateKeyForm } from "@/components/keys/rotate-key-form";
import { SigningKeyList } from "@/components/keys/signing-key-list";
import { issuer } from "@/lib/base/issuer";
import { requirePermission } from "@/lib/doors/auth/session";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { listSigningKeys } from "@/lib/keys/list-signing-keys";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Signing keys" };
export const dynamic = "force-dynamic";

export default async function AdminKeysPage() {
  const { actor } = await requirePermission("keys.manage"); // the layout checks too; pages render in parallel with it
  const [keys, policy] = await Promise.all([listSigningKeys({ actor }), readTokenPolicy()]);

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Signing keys</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          The key manager signs JWT access tokens and JWTs to the backend with these keys, and publishes their public halves at{" "}
          <code className="[overflow-wrap:anywhere]">{issuer()}/oauth2/jwks</code>.
        </p>
      </div>
      <RotateKeyForm defaultOverlap={policy.accessTokenMaxTtl} />
      <section className="grid gap-3" aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Keys
        </h2>
        <SigningKeyList initialKeys={keys} />
      </section>
    </div>
  );
}
