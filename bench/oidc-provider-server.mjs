// Reference point for `npm run bench`: oidc-provider (in-memory adapter) doing client_credentials,
// introspection and revocation. Seeds tokens programmatically and hands them to the parent over IPC.
import Provider from "oidc-provider";

// oidc-provider's own memory adapter is an LRU of 1,000 entries; hold every token, as our database does.
const store = new Map();
class MapAdapter {
  constructor(model) {
    this.model = model;
  }
  key(id) {
    return `${this.model}:${id}`;
  }
  async upsert(id, payload) {
    store.set(this.key(id), payload);
  }
  async find(id) {
    return store.get(this.key(id));
  }
  async destroy(id) {
    store.delete(this.key(id));
  }
  async consume(id) {
    const p = store.get(this.key(id));
    if (p) p.consumed = Math.floor(Date.now() / 1000);
  }
  async revokeByGrantId() {}
  async findByUid() {}
  async findByUserCode() {}
}

const port = Number(process.env.PORT);
const count = Number(process.env.TOKENS);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  adapter: MapAdapter,
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

const client = await provider.Client.find("bench");
const tokens = [];
for (let i = 0; i < count; i++) tokens.push(await new provider.ClientCredentials({ client, scope: "" }).save());
provider.listen(port, "127.0.0.1", () => process.send({ ready: true, tokens }));
