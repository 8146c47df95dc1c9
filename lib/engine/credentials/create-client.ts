import { db } from "@/lib/data/db/client";
import { newClientId, newClientSecret } from "./new-client-secret";

type CreateClientOptions = { appId?: string; kind?: "app" | "gateway"; tx?: Pick<typeof db, "client"> };

/** Creates an OAuth client with one secret. The returned secret is never readable again. */
export async function createClient({ appId, kind = "app", tx = db }: CreateClientOptions) {
  const { secret, secretHash, last4 } = newClientSecret();
  const client = await tx.client.create({
    data: { id: newClientId(), kind, appId, secrets: { create: { secretHash, last4 } } },
  });

  return { clientId: client.id, clientSecret: secret };
}

/** A public client's: an id and no secret at all (RFC 6749 §2.1). */
export async function createPublicClient({ appId, tx = db }: { appId: string; tx?: Pick<typeof db, "client"> }) {
  const client = await tx.client.create({ data: { id: newClientId(), kind: "app", appId } });

  return { clientId: client.id, clientSecret: null };
}
