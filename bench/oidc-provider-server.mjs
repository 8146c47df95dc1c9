// Reference point for `npm run bench`: oidc-provider (in-memory adapter, one process) doing client_credentials,
// introspection and revocation. Seeds tokens programmatically and hands them to the parent over IPC.
import { benchProvider, seedProviderTokens } from "./oidc-provider-config.mjs";

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
const provider = benchProvider(port, MapAdapter);
const tokens = await seedProviderTokens(provider, Number(process.env.TOKENS));
provider.listen(port, "127.0.0.1", () => process.send({ ready: true, tokens }));
