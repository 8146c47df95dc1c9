// The oidc-provider both of `npm run bench`'s peers run: client_credentials, introspection and
// revocation for one confidential client, with the adapter given.
import Provider from "oidc-provider";

export function benchProvider(port, adapter) {
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    adapter,
    clients: [
      { client_id: "bench", client_secret: "bench-secret", grant_types: ["client_credentials"], redirect_uris: [], response_types: [] },
    ],
    features: {
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      devInteractions: { enabled: false },
    },
    ttl: { ClientCredentials: 3600 },
  });
  provider.on("server_error", (_ctx, err) => console.error(err));

  return provider;
}

/** `count` access tokens saved through the provider's own API (its adapter stores them), `parallel` at a time. */
export async function seedProviderTokens(provider, count, parallel = 1) {
  const client = await provider.Client.find("bench");
  const tokens = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, () => new provider.ClientCredentials({ client, scope: "" }).save());
    tokens.push(...(await Promise.all(batch)));
  }

  return tokens;
}
