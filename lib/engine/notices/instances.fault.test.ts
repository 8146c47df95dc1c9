import { env } from "@/lib/base/env";
import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import { createTestApp, createTestGateway } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver, type ReceivedNotice } from "@/lib/testing/notice-receiver";
import { startPortal, type PortalProcess } from "@/lib/testing/start-portal";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// Several portal instances on one PostgreSQL database (the production shape behind a load balancer),
// as real server processes. SQLite is one instance: these cases do not arise there.
const onPostgres = engineOf(env.DATABASE_URL) === "postgresql";

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const post = (base: string, path: string, [id, secret]: [string, string], form: Record<string, string>) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: basic(id, secret), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
const sequenceOf = (n: ReceivedNotice) => JSON.parse(n.body).data.sequence as number;

describe.runIf(onPostgres)("several instances on one database", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  let onTime: PortalProcess, ahead: PortalProcess, other: PortalProcess;
  const gateways: string[] = [];
  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    const env = { PORTCULLIS_RACE_RESEND_MS: "1000" };
    onTime = await startPortal({ env }); // first and alone: it seeds the admin
    [ahead, other] = await Promise.all([
      startPortal({ env: { ...env, PORTCULLIS_TEST_CLOCK_SKEW_MS: "20000" }, nodeOptions: "--import ./lib/testing/skewed-clock.mjs" }),
      startPortal({ env }),
    ]);
  }, 180_000);
  afterEach(async () => {
    await db.gateway.deleteMany({ where: { id: { in: gateways.splice(0) } } });
    receiver.setMode("ok");
  });
  afterAll(async () => {
    await Promise.all([onTime, ahead, other].map((p) => p?.kill()));
    await receiver.close();
  });

  async function appWithTokens(count: number) {
    const app = await createTestApp();
    const tokens = await Promise.all(Array.from({ length: count }, () => issueToken({ clientId: app.clientId, subscriber: null })));

    return { creds: [app.clientId, app.clientSecret] as [string, string], tokens };
  }

  it("sends each notice once when one instance's clock runs 20 s ahead: leases are on the database's clock", async () => {
    const gw = await createTestGateway(receiver.url);
    gateways.push(gw.gateway.id);
    receiver.setMode("slow"); // first attempts are still in flight when the other instance's worker polls
    const { creds, tokens } = await appWithTokens(40);

    const revokes = tokens.map((t, i) => post(i % 2 ? ahead.url : onTime.url, "/oauth2/revoke", creds, { token: t.accessToken }));
    expect((await Promise.all(revokes)).every((r) => r.status === 200)).toBe(true);
    const sequences = (await db.token.findMany({ where: { id: { in: tokens.map((t) => t.tokenId) } } })).map((t) => t.revocationSeq!);
    // Revocations committed together share an event (lib/data/store/split-events.ts): one notice each.
    const events = new Set(sequences).size;
    const mine = () => receiver.received.filter((n) => sequences.includes(sequenceOf(n)));
    await eventually(async () => (await db.delivery.count({ where: { gatewayId: gw.gateway.id, status: "delivered" } })) === events, {
      timeoutMs: 20_000,
    });
    await new Promise((r) => setTimeout(r, 1_500)); // time for a second send, if anything would still make one

    const perEvent = new Map<number, number>();
    for (const n of mine()) perEvent.set(sequenceOf(n), (perEvent.get(sequenceOf(n)) ?? 0) + 1);
    const duplicates = [...perEvent.values()].reduce((sum, c) => sum + c - 1, 0);
    console.log(
      `clock skew +20 s: ${sequences.length} revocations in ${events} events, ${perEvent.size} delivered, ${duplicates} sent twice`,
    );
    expect(perEvent.size).toBe(events);
    expect(duplicates).toBe(0);
  });

  it("re-announces a token revoked through one instance after another answered 'active' for it, even if that one dies", async () => {
    const gw = await createTestGateway(receiver.url);
    gateways.push(gw.gateway.id);
    const [revoker, introspector] = [onTime, other];
    const gatewayCreds: [string, string] = [gw.clientId, gw.clientSecret];
    const { creds, tokens } = await appWithTokens(120);
    const [raced, dying] = [tokens.slice(0, 100), tokens.slice(100)];
    const announced = (t: { accessToken: string }) => receiver.received.filter((n) => n.body.includes(hashToken(t.accessToken))).length;

    const started = Date.now();
    for (const t of raced) {
      const answer = await post(introspector.url, "/oauth2/introspect", gatewayCreds, { token: t.accessToken });
      expect(((await answer.json()) as { active: boolean }).active).toBe(true);
      expect((await post(revoker.url, "/oauth2/revoke", creds, { token: t.accessToken })).status).toBe(200);
    }
    const elapsed = Date.now() - started;
    const reannounced = await eventually(() => raced.every((t) => announced(t) >= 2), { timeoutMs: 15_000 });
    const hashes = raced.map((t) => hashToken(t.accessToken));
    const events = new Set(receiver.received.filter((n) => hashes.some((h) => n.body.includes(h))).map(sequenceOf)).size;
    console.log(
      `race re-send across instances: ${raced.filter((t) => announced(t) >= 2).length}/100 raced tokens re-announced; ` +
        `${events} events for 100 revocations in ${elapsed} ms (${events - 100} re-send events)`,
    );
    expect(reannounced).toBe(true);
    // Batched: re-sends are bounded by time (one event per 100 ms window), not one per revocation.
    expect(events - 100).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);

    // The instance that answered "active" dies right after it heard of the revocations: its re-send was queued, and another instance sends it.
    for (const t of dying) await post(introspector.url, "/oauth2/introspect", gatewayCreds, { token: t.accessToken });
    for (const t of dying) await post(revoker.url, "/oauth2/revoke", creds, { token: t.accessToken });
    await new Promise((r) => setTimeout(r, 300));
    await introspector.kill("SIGKILL");
    const survived = await eventually(() => dying.every((t) => announced(t) >= 2), { timeoutMs: 15_000 });
    console.log(`after kill -9 of the introspecting instance: ${dying.filter((t) => announced(t) >= 2).length}/20 re-announced`);
    expect(survived).toBe(true);
  });
});
