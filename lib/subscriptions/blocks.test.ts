import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { deleteApp } from "@/lib/apps/delete-app";
import { db } from "@/lib/data/db/client";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { createTestApi, createTestApp, formRequest, oauth, TEST_ADMIN, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";
import { BLOCKED_STICKS } from "./blocked.shared";
import { changeSubscription } from "./change-subscription";
import { subscribe } from "./subscribe";

// Issue 26, M2: a subscriber removed their blocked subscription (204) and subscribed again, on a higher tier
// and without approval, and the gateway admitted them. A block sticks until a reviewer lifts or removes it.

async function blockedSubscriber() {
  const { api, gold, bronze, ref } = await createTestApi(); // no approval: a new subscription would be active at once
  const { user, app, clientId } = await createTestApp();
  const owner = personActor({ id: user.id, email: user.email, role: "subscriber" });
  const { accessToken } = await issueToken({ clientId, subscriber: user.id });
  const sub = await subscribe({ actor: owner, appId: app!.id, apiId: api.id, tier: bronze.name });
  await changeSubscription({ where: { id: sub.id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });

  return { api, gold, bronze, ref, app: app!, owner, sub, accessToken };
}

const statusOf = async (id: string) => (await db.subscription.findUnique({ where: { id }, select: { status: true } }))?.status;

describe("a blocked subscription", () => {
  it("cannot be removed by its subscriber, nor subscribed again on any tier, and the gateway keeps refusing it", async () => {
    const { api, gold, bronze, ref, app, owner, sub, accessToken } = await blockedSubscriber();

    await expect(changeSubscription({ where: { id: sub.id }, action: { kind: "remove" }, actor: owner })).rejects.toMatchObject({
      code: "conflict",
      message: BLOCKED_STICKS,
    });
    expect(await statusOf(sub.id)).toBe("blocked");
    for (const tier of [gold.name, bronze.name])
      await expect(subscribe({ actor: owner, appId: app.id, apiId: api.id, tier })).rejects.toMatchObject({
        code: "conflict",
        fields: { appId: [BLOCKED_STICKS] },
      });
    await expect(
      changeSubscription({ where: { id: sub.id }, action: { kind: "change_tier", tier: gold.name }, actor: owner }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id }, select: { status: true, tierId: true } })).toEqual({
      status: "blocked",
      tierId: bronze.id,
    });

    const gateway = await createTestApp({ kind: "gateway" });
    const params = { token: accessToken, api_context: ref.context, api_version: ref.version };
    const res = await oauth.introspect(formRequest("/oauth2/introspect", params, { basic: [gateway.clientId, gateway.clientSecret] }));
    expect(await res.json()).toStrictEqual({ active: false });
  });

  it("is removed by an admin or the operator, after which the application may subscribe again", async () => {
    for (const reviewer of [TEST_ADMIN, TEST_OPERATOR]) {
      const { api, gold, app, owner, sub } = await blockedSubscriber();
      expect(await changeSubscription({ where: { id: sub.id }, action: { kind: "remove" }, actor: reviewer })).toMatchObject({
        status: "removed",
      });
      expect(await statusOf(sub.id)).toBeUndefined();
      expect(await subscribe({ actor: owner, appId: app.id, apiId: api.id, tier: gold.name })).toMatchObject({ status: "active" });
    }
  });

  it("is lifted by an admin's approval, on the tier it had", async () => {
    const { sub, owner } = await blockedSubscriber();
    expect(await changeSubscription({ where: { id: sub.id }, action: { kind: "approve" }, actor: TEST_ADMIN })).toMatchObject({
      status: "active",
    });
    expect(await changeSubscription({ where: { id: sub.id }, action: { kind: "remove" }, actor: owner })).toMatchObject({
      status: "removed",
    }); // no longer blocked: its subscriber may end it
  });

  it("does not stop its subscriber deleting the application, nor an admin retiring the API", async () => {
    const { api, app, owner, sub } = await blockedSubscriber();

    await deleteApp({ appId: app.id, actor: owner, confirmName: app.name });
    expect(await db.app.findUniqueOrThrow({ where: { id: app.id }, select: { deletedAt: true } })).toEqual({ deletedAt: expect.any(Date) });
    expect(await statusOf(sub.id)).toBe("blocked"); // a deleted application's rows stay, as its trail does
    expect((await changeApiLifecycle({ apiId: api.id, action: "retire", actor: TEST_ADMIN })).status).toBe("retired");
  });
});
