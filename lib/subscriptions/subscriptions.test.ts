import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { subscriptionNoticeSchema } from "@/lib/base/contract.shared";
import { db } from "@/lib/data/db/client";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { readFeed } from "@/lib/engine/notices/read-feed";
import { createTestApi, createTestApp, formRequest, makeUser, oauth, TEST_ADMIN } from "@/lib/testing/factories";
import { eventually } from "@/lib/testing/notice-receiver";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
import { issueToken } from "@/lib/tokens/issue-token";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { changeSubscription } from "./change-subscription";
import { subscribe } from "./subscribe";

type Creds = { clientId: string; clientSecret: string };
const introspect = async (gw: Creds, token: string, api?: { context: string; version: string }) => {
  const params: Record<string, string> = api ? { token, api_context: api.context, api_version: api.version } : { token };
  const res = await oauth.introspect(formRequest("/oauth2/introspect", params, { basic: [gw.clientId, gw.clientSecret] }));

  return { status: res.status, body: await res.json() };
};

describe("subscriptions and validation info per API", () => {
  const edge = gatewayForTheseTests();
  const gw = () => ({ clientId: edge.gateway.clientId, clientSecret: edge.gateway.clientSecret });
  /** The subscription.changed notices this test's gateway received for a client, verified as a gateway would. */
  const noticesFor = (clientId: string) =>
    edge.receiver.received
      .map((r) => ({ r, notice: new Webhook(edge.gateway.signingSecret).verify(r.body, r.headers as Record<string, string>) }))
      .map(({ notice }) => subscriptionNoticeSchema.safeParse(notice))
      .flatMap((p) => (p.success && p.data.data.client_id === clientId ? [p.data] : []));

  it("answers active for an API only while the application's subscription is active, with the validation info the README promises", async () => {
    const { api, gold, ref } = await createTestApi({ approval: true });
    const other = await createTestApi();
    const { user, app, clientId } = await createTestApp();
    const { accessToken } = await issueToken({ clientId, subscriber: user.id });
    const owner = personActor({ id: user.id, email: user.email, role: "subscriber" });

    const pending = await subscribe({ actor: owner, appId: app!.id, apiId: api.id, tier: gold.name });
    expect(pending.status).toBe("pending");
    expect((await introspect(gw(), accessToken, ref)).body).toStrictEqual({ active: false });
    expect((await introspect(gw(), accessToken)).body).toMatchObject({ active: true, client_id: clientId }); // without the parameters: as before

    await changeSubscription({ where: { id: pending.id }, action: { kind: "approve" }, actor: TEST_ADMIN });
    const { body } = await introspect(gw(), accessToken, ref);
    expect(body).toMatchObject({
      active: true,
      client_id: clientId,
      api: { context: ref.context, version: "v1", name: api.name },
      application: { id: app!.id, name: app!.name },
      subscriber: user.id,
      tier: { name: gold.name, requests_per_minute: 600, daily_quota: null },
    });
    expect(body).not.toHaveProperty("backend_jwt"); // no API here sends a JWT to its backend
    expect((await introspect(gw(), accessToken, other.ref)).body).toStrictEqual({ active: false }); // not subscribed there
    expect((await introspect(gw(), accessToken, { context: "/nowhere", version: "v9" })).body).toStrictEqual({ active: false });

    // Unsubscribing: inactive at once, and a signed subscription.changed leaves, in the feed too.
    const removed = await changeSubscription({ where: { id: pending.id }, action: { kind: "remove" }, actor: owner });
    expect(removed.notices.sequences).toHaveLength(1);
    expect((await introspect(gw(), accessToken, ref)).body).toStrictEqual({ active: false });
    await flushNotices(removed.notices);
    const [notice] = await eventually(() => noticesFor(clientId));
    expect(notice).toMatchObject({
      type: "subscription.changed",
      data: { client_id: clientId, api: ref, sequence: removed.notices.sequences[0] },
    });
    const feed = await readFeed({ after: removed.notices.sequences[0] - 1, limit: 1 });
    expect(feed.events[0]).toMatchObject({
      type: "subscription.changed",
      sequence: removed.notices.sequences[0],
      client_id: clientId,
      api: ref,
    });
    expect(feed.events[0]).not.toHaveProperty("tokens");
  });

  it("tells gateways of a block, a tier change, an approval withdrawn and a retirement — not of what changes nothing they cached", async () => {
    const { api, gold, bronze, ref } = await createTestApi();
    const apps = await Promise.all([createTestApp(), createTestApp(), createTestApp()]);
    for (const a of apps) await issueToken({ clientId: a.clientId, subscriber: a.user.id });
    const subs = await Promise.all(
      apps.map((a) => subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: a.app!.id, apiId: api.id, tier: gold.name })),
    );
    expect(subs.map((s) => s.status)).toEqual(["active", "active", "active"]);

    const tier = await changeSubscription({
      where: { id: subs[0].id },
      action: { kind: "change_tier", tier: bronze.name },
      actor: TEST_ADMIN,
    });
    const block = await changeSubscription({ where: { id: subs[1].id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });
    const withdrawn = await changeSubscription({
      where: { id: subs[2].id },
      action: { kind: "reject", reason: "terms" },
      actor: TEST_ADMIN,
    });
    for (const change of [tier, block, withdrawn]) expect(change.notices.sequences).toHaveLength(1);
    const again = await changeSubscription({ where: { id: subs[1].id }, action: { kind: "reject", reason: "x" }, actor: TEST_ADMIN });
    expect(again.notices.sequences).toHaveLength(0); // it served nothing any more

    const retired = await changeApiLifecycle({ apiId: api.id, action: "retire", actor: TEST_ADMIN });
    expect(retired.notices.sequences).toHaveLength(1); // the one still active (on Bronze)
    await Promise.all([tier, block, withdrawn, retired].map((c) => flushNotices(c.notices)));
    await eventually(() => noticesFor(apps[0].clientId).length === 2);
    expect(noticesFor(apps[0].clientId).map((n) => n.data.api)).toEqual([ref, ref]);
    await expect(
      subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: apps[1].app!.id, apiId: api.id, tier: gold.name }),
    ).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("tells gateways when a subscription begins — subscribing without approval, an approval, an unblock — not of a request that waits", async () => {
    const open = await createTestApi();
    const reviewed = await createTestApi({ approval: true });
    const { user, app, clientId } = await createTestApp();
    await issueToken({ clientId, subscriber: user.id });
    const owner = personActor({ id: user.id, email: user.email, role: "subscriber" });

    const subscribed = await subscribe({ actor: owner, appId: app!.id, apiId: open.api.id, tier: open.gold.name });
    expect(subscribed).toMatchObject({ status: "active", notices: { sequences: [expect.any(Number)] } });
    const pending = await subscribe({ actor: owner, appId: app!.id, apiId: reviewed.api.id, tier: reviewed.gold.name });
    expect(pending).toMatchObject({ status: "pending", notices: { sequences: [] } });
    const approved = await changeSubscription({ where: { id: pending.id }, action: { kind: "approve" }, actor: TEST_ADMIN });
    const blocked = await changeSubscription({ where: { id: pending.id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });
    const unblocked = await changeSubscription({ where: { id: pending.id }, action: { kind: "approve" }, actor: TEST_ADMIN });
    expect([approved, blocked, unblocked].map((c) => [c.status, c.notices.sequences.length])).toEqual([
      ["active", 1],
      ["blocked", 1],
      ["active", 1],
    ]);

    // The contract's payload as it is: the gateway evicts for (client, API) whatever the new state.
    await Promise.all([subscribed, approved, blocked, unblocked].map((c) => flushNotices(c.notices)));
    await eventually(() => noticesFor(clientId).length === 4);
    expect(
      noticesFor(clientId)
        .map((n) => n.data)
        .sort((a, b) => a.sequence - b.sequence),
    ).toEqual([
      { sequence: subscribed.notices.sequences[0], client_id: clientId, api: open.ref },
      ...[approved, blocked, unblocked].map((c) => ({ sequence: c.notices.sequences[0], client_id: clientId, api: reviewed.ref })),
    ]);

    // An application without a live token: no gateway holds anything of it, so nothing is sent.
    const fresh = await createTestApp();
    const quiet = await subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: fresh.app!.id, apiId: open.api.id, tier: open.gold.name });
    expect(quiet).toMatchObject({ status: "active", notices: { sequences: [] } });
  });

  it("keeps subscriber A away from subscriber B's applications and subscriptions", async () => {
    const { api, gold } = await createTestApi();
    const b = await createTestApp();
    const a = await makeUser();
    const sub = await subscribe({
      actor: personActor({ ...b.user, role: "subscriber" }),
      appId: b.app!.id,
      apiId: api.id,
      tier: gold.name,
    });
    await expect(subscribe({ actor: a, appId: b.app!.id, apiId: api.id, tier: gold.name })).rejects.toMatchObject({ code: "not_found" });
    for (const action of [{ kind: "remove" }, { kind: "change_tier", tier: gold.name }] as const)
      await expect(changeSubscription({ where: { id: sub.id }, action, actor: a })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      changeSubscription({ where: { id: sub.id }, action: { kind: "approve" }, actor: personActor({ ...b.user, role: "subscriber" }) }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.subscription.findUnique({ where: { id: sub.id }, select: { status: true } })).toEqual({ status: "active" });
  });

  it("refuses drafts, retired APIs, deleted applications and tiers the API does not offer, saving nothing", async () => {
    const draft = await createTestApi({ publish: false });
    const live = await createTestApi();
    const { user, app } = await createTestApp();
    const owner = personActor({ id: user.id, email: user.email, role: "subscriber" });
    await expect(subscribe({ actor: owner, appId: app!.id, apiId: draft.api.id, tier: draft.gold.name })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(subscribe({ actor: owner, appId: app!.id, apiId: live.api.id, tier: draft.gold.name })).rejects.toMatchObject({
      code: "bad_request",
      fields: { tier: [expect.any(String)] },
    });
    await db.app.update({ where: { id: app!.id }, data: { deletedAt: new Date() } });
    await expect(subscribe({ actor: owner, appId: app!.id, apiId: live.api.id, tier: live.gold.name })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.subscription.count({ where: { appId: app!.id } })).toBe(0);
  });

  it("answers invalid_request when only one of api_context and api_version is given", async () => {
    const res = await oauth.introspect(
      formRequest("/oauth2/introspect", { token: "x", api_context: "/a" }, { basic: [edge.gateway.clientId, edge.gateway.clientSecret] }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });
});
