// oidc-provider's storage in Redis, after its example adapter (example/adapters/redis.js): one key per
// `${model}:${id}` holding the JSON payload with the token's TTL; models that can be consumed are hashes
// (a `consumed` field beside the payload); a grant's tokens are listed under `grant:${grantId}` for
// revokeByGrantId; uid and user codes are lookups to an id.

const grantable = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);
const consumable = new Set(["AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);
const grantKey = (grantId) => `grant:${grantId}`;
const userCodeKey = (userCode) => `userCode:${userCode}`;
const uidKey = (uid) => `uid:${uid}`;

/** The adapter class oidc-provider instantiates per model, every instance on one connection. */
export function redisAdapter(client) {
  return class RedisAdapter {
    constructor(model) {
      this.model = model;
    }

    key(id) {
      return `${this.model}:${id}`;
    }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      const multi = client.multi();
      if (consumable.has(this.model)) multi.hset(key, { payload: JSON.stringify(payload) });
      else multi.set(key, JSON.stringify(payload));
      if (expiresIn) multi.expire(key, expiresIn);
      if (grantable.has(this.model) && payload.grantId) {
        const list = grantKey(payload.grantId);
        multi.rpush(list, key);
        if (expiresIn > (await client.ttl(list))) multi.expire(list, expiresIn);
      }
      if (payload.userCode) multi.set(userCodeKey(payload.userCode), id, "EX", expiresIn);
      if (payload.uid) multi.set(uidKey(payload.uid), id, "EX", expiresIn);
      await multi.exec();
    }

    async find(id) {
      if (!consumable.has(this.model)) {
        const data = await client.get(this.key(id));
        return data ? JSON.parse(data) : undefined;
      }
      const { payload, ...rest } = await client.hgetall(this.key(id));
      return payload ? { ...rest, ...JSON.parse(payload) } : undefined;
    }

    async findByUid(uid) {
      const id = await client.get(uidKey(uid));
      return id ? this.find(id) : undefined;
    }

    async findByUserCode(userCode) {
      const id = await client.get(userCodeKey(userCode));
      return id ? this.find(id) : undefined;
    }

    async destroy(id) {
      await client.del(this.key(id));
    }

    async revokeByGrantId(grantId) {
      const keys = await client.lrange(grantKey(grantId), 0, -1);
      const multi = client.multi();
      keys.forEach((key) => multi.del(key));
      multi.del(grantKey(grantId));
      await multi.exec();
    }

    async consume(id) {
      await client.hset(this.key(id), "consumed", Math.floor(Date.now() / 1000));
    }
  };
}
