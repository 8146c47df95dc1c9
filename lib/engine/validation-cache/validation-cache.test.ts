import { cli } from "@/cli/testing/run-cli";
import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { deleteApp } from "@/lib/apps/delete-app";
import { AppError } from "@/lib/base/errors.shared";
import { hashToken } from "@/lib/base/hash-token";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { on, type Introspected } from "@/lib/engine/hooks/hooks";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { SETTINGS } from "@/lib/engine/settings/definitions.shared";
import { getAllSettings, updateSettings } from "@/lib/settings/settings";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, formRequest, oauth, TEST_ADMIN, TEST_OPERATOR } from "@/lib/testing/factories";
import { eventually } from "@/lib/testing/notice-receiver";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { issueToken } from "@/lib/tokens/issue-token";
import { reapproveToken } from "@/lib/tokens/reapprove-token";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";
import { shortenTokens } from "@/lib/tokens/shorten-tokens";
import { suspendUser } from "@/lib/users/suspend-user";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiKey, beginLookup, cachedAnswer, cacheStatus, remember, type CachedAnswer } from "./cache";
import { startValidationCache } from "./watch-changes";

type Creds = { clientId: string; clientSecret: string };
type Api = { context: string; version: string };
const DAY = 86_400_000;
const actor = TEST_ADMIN;

const introspect = async (caller: Creds, token: string, api?: Api) => {
  const params: Record<string, string> = api ? { token, api_context: api.context, api_version: api.version } : { token };
  const res = await oauth.introspect(formRequest("/oauth2/introspect", params, { basic: [caller.clientId, caller.clientSecret] }));

  return res.json();
};
const isCached = (token: string, api?: Api) => cachedAnswer(hashToken(token), apiKey(api), Date.now()) !== null;
/**
 * Introspects until the answer is held (the first answer fills the cache), and checks it is active. An answer is
 * not kept when an eviction ran while it was on its way — any commit, another test's in this process or on the
 * PostgreSQL bus — so it asks again, a few times.
 */
async function warm(caller: Creds, token: string, api?: Api) {
  for (let attempt = 0; attempt === 0 || (attempt < 5 && !isCached(token, api)); attempt++)
    expect(await introspect(caller, token, api)).toMatchObject({ active: true });
  expect(isCached(token, api)).toBe(true);
}
const setCache = (change: Record<string, string | number | boolean>) => updateSettings({ change, actor });

describe("the key manager's validation cache", () => {
  let stop: () => Promise<void>;
  let gateway: Creds;
  beforeAll(async () => {
    stop = startValidationCache();
    gateway = await createTestApp({ kind: "gateway" });
    await setCache({ validation_cache: true, validation_cache_ttl: 300 });
    expect(await eventually(() => cacheStatus().serving, { timeoutMs: 10_000 })).toBe(true); // PostgreSQL: once the listener is up
  });
  beforeEach(() => setCache({ validation_cache: true, validation_cache_ttl: 300 }));
  afterAll(async () => {
    await setCache({ validation_cache: false, validation_cache_ttl: 300 });
    await stop();
  });

  it("answers from memory once warm: a row changed behind the store's back is not seen, which is why every cause commits through it", async () => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    await warm(gateway, t.accessToken);
    await db.token.update({ where: { id: t.tokenId }, data: { revokedAt: new Date() } }); // no cause, no event, no eviction
    expect(await introspect(gateway, t.accessToken)).toMatchObject({ active: true, client_id: app.clientId });
    // The caller check still runs on a hit: another application's client learns nothing.
    const other = await createTestApp();
    expect(await introspect(other, t.accessToken)).toStrictEqual({ active: false });
  });

  it("tells the introspected hook once per introspection, answered from memory or from the store", async () => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    const heard: Introspected[] = [];
    const stopListening = on("introspected", "test", (e) => void heard.push(e));
    try {
      await warm(gateway, t.accessToken); // from the store, then held
      await introspect(gateway, t.accessToken); // from memory
      expect(await introspect(await createTestApp(), t.accessToken)).toStrictEqual({ active: false }); // from memory, not the caller's
    } finally {
      stopListening();
    }
    expect(heard.map((e) => [e.clientId, e.tokenId])).toEqual([
      [app.clientId, t.tokenId],
      [app.clientId, t.tokenId],
      [app.clientId, null],
    ]);
  });

  it("keeps only active answers", async () => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    await revokeByOperator({ token: t.accessToken, actor: TEST_OPERATOR });
    expect(await introspect(gateway, t.accessToken)).toStrictEqual({ active: false });
    expect(isCached(t.accessToken)).toBe(false);
    expect(await introspect(gateway, "pcl_at_unknown")).toStrictEqual({ active: false });
    expect(isCached("pcl_at_unknown")).toBe(false);
  });

  describe("each cause evicts before it returns", () => {
    it("RFC 7009 revocation, an operator's revocation and regenerate", async () => {
      const app = await createTestApp();
      const [a, b] = await Promise.all([1, 2].map(() => issueToken({ clientId: app.clientId, subscriber: null })));
      await warm(app, a.accessToken);
      await warm(gateway, b.accessToken);
      await oauth.revoke(formRequest("/oauth2/revoke", { token: a.accessToken }, { basic: [app.clientId, app.clientSecret] }));
      expect(await introspect(app, a.accessToken)).toStrictEqual({ active: false });
      await revokeByOperator({ token: b.accessToken, actor });
      expect(await introspect(gateway, b.accessToken)).toStrictEqual({ active: false });

      const owner = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });
      const first = await generateAppToken({ appId: app.app!.id, actor: owner });
      await warm(gateway, first.accessToken);
      await generateAppToken({ appId: app.app!.id, actor: owner, regenerate: true });
      expect(await introspect(gateway, first.accessToken)).toStrictEqual({ active: false });
    });

    it("in the committing process itself, before the door answers, without waiting for the change feed", async () => {
      const app = await createTestApp();
      const t = await issueToken({ clientId: app.clientId, subscriber: null });
      await warm(gateway, t.accessToken);
      const res = await oauth.revoke(formRequest("/oauth2/revoke", { token: t.accessToken }, { basic: [app.clientId, app.clientSecret] }));
      expect(res.status).toBe(200);
      expect(isCached(t.accessToken)).toBe(false); // read without a hit: no feed catch-up, no fence

      const { api, ref, gold } = await createTestApi();
      const owner = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });
      const sub = await subscribe({ appId: app.app!.id, apiId: api.id, tier: gold.name, actor: owner });
      const kept = await issueToken({ clientId: app.clientId, subscriber: null });
      await warm(gateway, kept.accessToken, ref);
      await changeSubscription({ where: { id: sub.id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });
      expect(isCached(kept.accessToken, ref)).toBe(false);
    });

    it("a deleted application, a secret rotated at once and a suspended owner", async () => {
      const [deleted, rotated, suspended] = await Promise.all([createTestApp(), createTestApp(), createTestApp()]);
      const tokens = await Promise.all([deleted, rotated, suspended].map((a) => issueToken({ clientId: a.clientId, subscriber: null })));
      for (const t of tokens) await warm(gateway, t.accessToken);
      const owner = (a: typeof deleted) => personActor({ id: a.user.id, email: a.user.email, role: "subscriber" });

      await deleteApp({ appId: deleted.app!.id, actor: owner(deleted), confirmName: deleted.app!.name });
      await rotateClientSecret({ appId: rotated.app!.id, actor: owner(rotated), overlap: "none" });
      await suspendUser({ userId: suspended.user.id, actor });
      for (const t of tokens) expect(await introspect(gateway, t.accessToken)).toStrictEqual({ active: false });
    });

    it("a suspended person's token held by another application", async () => {
      const [holder, person] = await Promise.all([createTestApp(), createTestApp()]);
      const id = randomUUID();
      const createdAt = Date.now();
      await store().insertToken({
        ...{ id, hash: hashToken(id), prefix: "pcl_at_", last4: id.slice(-4), type: "access_token", clientId: holder.clientId },
        ...{ subscriber: holder.user.id, userId: person.user.id, grantId: id, scope: "", createdAt, expiresAt: createdAt + DAY },
        ...{ revokedAt: null, source: "token_endpoint", note: null },
      });
      await warm(gateway, id);
      await suspendUser({ userId: person.user.id, actor });
      expect(await introspect(gateway, id)).toStrictEqual({ active: false });
    });

    it("a lowered maximum shortens what is held, and a re-approval is seen at once", async () => {
      const app = await createTestApp();
      const id = randomUUID();
      const createdAt = Date.now();
      // A refresh token of 100 days: shortening to 99 days touches no other test's tokens.
      await store().insertToken({
        ...{ id, hash: hashToken(id), prefix: "pcl_rt_", last4: id.slice(-4), type: "refresh_token", clientId: app.clientId },
        ...{ subscriber: null, grantId: id, scope: "", createdAt, expiresAt: createdAt + 100 * DAY, revokedAt: null },
        ...{ source: "token_endpoint", note: null },
      });
      await warm(gateway, id);
      await shortenTokens({ type: "refresh_token", maxTtl: (99 * DAY) / 1000, actor });
      expect((await introspect(gateway, id)).exp).toBe(Math.floor((createdAt + 99 * DAY) / 1000));

      const t = await issueToken({ clientId: app.clientId, subscriber: null });
      await revokeByOperator({ token: t.accessToken, actor: TEST_OPERATOR });
      expect(await introspect(gateway, t.accessToken)).toStrictEqual({ active: false });
      await reapproveToken({ token: t.accessToken, actor: TEST_OPERATOR });
      expect(await introspect(gateway, t.accessToken)).toMatchObject({ active: true });
    });

    it("per API: unsubscribe, block, a tier change and a retired API", async () => {
      const { api, ref, gold, bronze } = await createTestApi();
      const subscribed = async () => {
        const app = await createTestApp();
        const owner = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });
        const sub = await subscribe({ appId: app.app!.id, apiId: api.id, tier: gold.name, actor: owner });
        const t = await issueToken({ clientId: app.clientId, subscriber: null });
        await warm(gateway, t.accessToken, ref);
        await warm(gateway, t.accessToken); // the plain answer is not about the API: it stays
        return { sub, t, owner };
      };
      const [removed, blocked, retiered] = await Promise.all([subscribed(), subscribed(), subscribed()]);
      await changeSubscription({ where: { id: removed.sub.id }, action: { kind: "remove" }, actor: removed.owner });
      await changeSubscription({ where: { id: blocked.sub.id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });
      await changeSubscription({ where: { id: retiered.sub.id }, action: { kind: "change_tier", tier: bronze.name }, actor: TEST_ADMIN });
      for (const s of [removed, blocked]) {
        expect(await introspect(gateway, s.t.accessToken, ref)).toStrictEqual({ active: false });
        expect(isCached(s.t.accessToken)).toBe(true);
      }
      expect((await introspect(gateway, retiered.t.accessToken, ref)).tier.name).toBe(bronze.name);

      await warm(gateway, retiered.t.accessToken, ref);
      await changeApiLifecycle({ apiId: api.id, action: "deprecate", actor: TEST_ADMIN });
      await changeApiLifecycle({ apiId: api.id, action: "retire", actor: TEST_ADMIN });
      expect(await introspect(gateway, retiered.t.accessToken, ref)).toStrictEqual({ active: false });
    });

    it("a revocation committed by the CLI, another process", async () => {
      const app = await createTestApp();
      const t = await issueToken({ clientId: app.clientId, subscriber: null });
      await warm(gateway, t.accessToken);
      expect((await cli("tokens", "revoke", "--token", t.accessToken, "--json")).code).toBe(0);
      expect(await introspect(gateway, t.accessToken)).toStrictEqual({ active: false });
    });
  });

  it("hands a gateway's cached backend_jwt to no application's own client, and keeps no per-API answer built for one", async () => {
    const { api, ref, gold } = await createTestApi();
    await setBackendJwt({ apiId: api.id, backendJwt: "on", actor: TEST_ADMIN });
    const app = await createTestApp();
    const owner = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });
    await subscribe({ appId: app.app!.id, apiId: api.id, tier: gold.name, actor: owner });
    const t = await issueToken({ clientId: app.clientId, subscriber: app.user.id });

    const own = await introspect(app, t.accessToken, ref);
    expect(own).toMatchObject({ active: true, tier: { name: gold.name } });
    expect(own).not.toHaveProperty("backend_jwt");
    expect(isCached(t.accessToken, ref)).toBe(false);
    await warm(gateway, t.accessToken, ref);
    expect(await introspect(gateway, t.accessToken, ref)).toMatchObject({ backend_jwt: expect.any(String) });
    expect(await introspect(app, t.accessToken, ref)).not.toHaveProperty("backend_jwt");
  });

  it("keeps an answer for at most the TTL, and never past the token's exp nor a backend JWT's", async () => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    await warm(gateway, t.accessToken);
    const hash = hashToken(t.accessToken);
    expect(cachedAnswer(hash, "", Date.now() + 299_000)).not.toBeNull();
    expect(cachedAnswer(hash, "", Date.now() + 301_000)).toBeNull();

    const soon = await issueToken({ clientId: app.clientId, subscriber: null, now: Date.now() - 3_590_000 }); // expires in 10 s
    await warm(gateway, soon.accessToken);
    const { exp } = await introspect(gateway, soon.accessToken);
    expect(cachedAnswer(hashToken(soon.accessToken), "", exp * 1000 - 1)).not.toBeNull();
    expect(cachedAnswer(hashToken(soon.accessToken), "", exp * 1000)).toBeNull();

    const now = Date.now();
    const jwtExp = Math.floor(now / 1000) + 20;
    const jwt = `e30.${Buffer.from(JSON.stringify({ exp: jwtExp })).toString("base64url")}.sig`;
    const answer = { ...(await introspect(gateway, t.accessToken)), backend_jwt: jwt } as CachedAnswer;
    remember("jwt-test", "", answer, t.tokenId, beginLookup()!, now);
    expect(cachedAnswer("jwt-test", "", jwtExp * 1000 - 1)).not.toBeNull();
    expect(cachedAnswer("jwt-test", "", jwtExp * 1000)).toBeNull();
  });

  it("applies a settings change at once: off serves nothing, a new TTL empties what is held", async () => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    await warm(gateway, t.accessToken);
    await setCache({ validation_cache_ttl: 60 });
    expect(cacheStatus()).toMatchObject({ entries: 0, ttlMs: 60_000 });
    await warm(gateway, t.accessToken);
    await setCache({ validation_cache: false });
    expect(cacheStatus()).toMatchObject({ entries: 0, serving: false });
    await introspect(gateway, t.accessToken);
    expect(cacheStatus().entries).toBe(0);
  });

  it("refuses a TTL of zero, below zero or above the access-token maximum, saving nothing, and audits a change", async () => {
    const before = await getAllSettings({ actor });
    for (const bad of [0, -5, Number(before.access_token_max_ttl) + 1, "soon"]) {
      const err = await setCache({ validation_cache_ttl: bad }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(Object.keys((err as AppError).fields ?? {})).toEqual(["validation_cache_ttl"]);
    }
    expect(await getAllSettings({ actor })).toEqual(before);

    const res = await cli("settings", "set", "validation_cache_ttl", "0", "--json");
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/validation_cache_ttl/);
    const ok = await cli("settings", "set", "validation_cache_ttl", "120", "--json");
    expect(JSON.parse(ok.stdout)).toEqual({ validation_cache_ttl: "120" });
    const audit = await db.auditEvent.findFirst({
      where: { action: "settings.updated", actor: { startsWith: "operator:" }, detail: { contains: '"new":"120"' } },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit!.detail)).toMatchObject({ key: "validation_cache_ttl", new: "120" });
  });

  it("is off by default", () => {
    expect(SETTINGS.validation_cache.default).toBe("false");
  });
});
