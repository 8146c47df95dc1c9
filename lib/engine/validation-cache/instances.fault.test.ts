import { env } from "@/lib/base/env";
import { BUS_APPLICATION_NAME } from "@/lib/data/bus/postgres-listener";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import { updateSettings } from "@/lib/settings/settings";
import { createTestApp, TEST_OPERATOR } from "@/lib/testing/factories";
import { eventually } from "@/lib/testing/notice-receiver";
import { startPortal, type PortalProcess } from "@/lib/testing/start-portal";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Two portal processes on one PostgreSQL database with the validation cache on: a revocation
// through either is never answered "active" by the other, and an instance whose bus listener is
// lost serves nothing from its cache until the listener is back. SQLite is one instance.
const onPostgres = engineOf(env.DATABASE_URL) === "postgresql";
const OUTAGE_MS = 6_000; // instance B waits this long before it reconnects its listener

type Creds = [string, string];
const basic = ([id, secret]: Creds) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const post = (base: string, path: string, creds: Creds, form: Record<string, string>) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: basic(creds), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
const listeners = () =>
  db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${BUS_APPLICATION_NAME}`.then((r) => Number(r[0].n));

describe.runIf(onPostgres)("the validation cache across instances", () => {
  let a: PortalProcess, b: PortalProcess;
  let gateway: Creds, app: Creds, clientId: string;
  const active = async (portal: PortalProcess, token: string) =>
    ((await (await post(portal.url, "/oauth2/introspect", gateway, { token })).json()) as { active: boolean }).active;
  /**
   * Whether `portal` answers from its cache: a token it just answered for, revoked behind every
   * cause's back (a row update: no eviction, no notice), still comes back active only from memory.
   */
  async function caching(portal: PortalProcess) {
    const t = await issueToken({ clientId, subscriber: null });
    expect(await active(portal, t.accessToken)).toBe(true);
    await db.token.update({ where: { id: t.tokenId }, data: { revokedAt: new Date() } });

    return active(portal, t.accessToken);
  }

  beforeAll(async () => {
    a = await startPortal(); // first and alone: it seeds the admin
    b = await startPortal({ env: { PORTCULLIS_BUS_RECONNECT_MS: String(OUTAGE_MS) } });
    const gw = await createTestApp({ kind: "gateway" });
    const ap = await createTestApp();
    [gateway, app, clientId] = [[gw.clientId, gw.clientSecret], [ap.clientId, ap.clientSecret], ap.clientId];
    // From this (third) process: both instances hear of it on the bus.
    await updateSettings({ change: { validation_cache: true, validation_cache_ttl: 600 }, actor: TEST_OPERATOR });
    expect(await eventually(() => caching(a), { timeoutMs: 15_000 })).toBe(true);
    expect(await eventually(() => caching(b), { timeoutMs: 15_000 })).toBe(true);
  }, 180_000);
  afterAll(async () => {
    await updateSettings({ change: { validation_cache: false }, actor: TEST_OPERATOR });
    await Promise.all([a, b].map((p) => p?.kill()));
  });

  it("revoke through one instance, and the other answers inactive at once: 200 tokens, zero stale answers", async () => {
    const tokens = await Promise.all(Array.from({ length: 200 }, () => issueToken({ clientId, subscriber: null })));
    let stale = 0;
    const started = Date.now();
    for (const [i, t] of tokens.entries()) {
      const [revoker, other] = i % 2 ? [a, b] : [b, a];
      expect(await active(other, t.accessToken)).toBe(true); // warm both: each holds the answer
      expect(await active(revoker, t.accessToken)).toBe(true);
      expect((await post(revoker.url, "/oauth2/revoke", app, { token: t.accessToken })).status).toBe(200);
      if (await active(other, t.accessToken)) stale++;
      if (await active(revoker, t.accessToken)) stale++;
    }
    console.log(`validation cache, 2 instances: 200 revocations alternating, ${stale} stale answers, ${Date.now() - started} ms`);
    expect(stale).toBe(0);
    expect(await caching(a)).toBe(true); // the cache was serving all along
    expect(await caching(b)).toBe(true);
  });

  it("a settings change from another process applies in both instances at once", async () => {
    const t = await issueToken({ clientId, subscriber: null });
    expect(await active(a, t.accessToken)).toBe(true);
    expect(await active(b, t.accessToken)).toBe(true);
    await updateSettings({ change: { validation_cache: false }, actor: TEST_OPERATOR });
    await db.token.update({ where: { id: t.tokenId }, data: { revokedAt: new Date() } }); // behind every cause's back
    expect([await active(a, t.accessToken), await active(b, t.accessToken)]).toEqual([false, false]); // nothing held is served
    await updateSettings({ change: { validation_cache: true }, actor: TEST_OPERATOR });
    expect(await eventually(() => caching(a), { timeoutMs: 10_000 })).toBe(true);
    expect(await eventually(() => caching(b), { timeoutMs: 10_000 })).toBe(true);
  });

  it("an instance that loses its listener empties its cache and caches nothing until the listener is back", async () => {
    const held = await issueToken({ clientId, subscriber: null });
    expect(await active(b, held.accessToken)).toBe(true);
    expect(await active(b, held.accessToken)).toBe(true);

    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ${BUS_APPLICATION_NAME}`;
    await eventually(async () => (await listeners()) === 0);
    const lostAt = Date.now();
    // Revoked behind the bus's back while B cannot hear: B must not answer from memory.
    await db.token.update({ where: { id: held.tokenId }, data: { revokedAt: new Date() } });
    expect(await active(b, held.accessToken)).toBe(false);
    expect(await caching(b)).toBe(false);
    expect(Date.now() - lostAt).toBeLessThan(OUTAGE_MS); // all of it while B's listener was still down

    expect(await eventually(async () => (await listeners()) >= 4, { timeoutMs: OUTAGE_MS + 10_000 })).toBe(true);
    expect(await eventually(() => caching(b), { timeoutMs: 10_000 })).toBe(true);
  });
});
