import { deleteApp } from "@/lib/apps/delete-app";
import { hashToken } from "@/lib/base/hash-token";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, formRequest, oauth, TEST_ADMIN } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterEach, describe, expect, it } from "vitest";
import { emit, on, type Committed, type Introspected } from "./hooks";

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));
function listen<E extends "committed" | "introspected">(event: E) {
  const heard: (E extends "committed" ? Committed : Introspected)[] = [];
  stops.push(on(event, `test ${event}`, (e) => void heard.push(e as (typeof heard)[number])));

  return heard;
}

describe("the committed hook", () => {
  it("tells a subscriber of a revocation at the revocation endpoint before the endpoint answers", async () => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    let answered = false;
    const heardBeforeAnswer: boolean[] = [];
    stops.push(on("committed", "test order", () => void heardBeforeAnswer.push(!answered)));
    const heard = listen("committed");

    const res = await oauth.revoke(formRequest("/oauth2/revoke", { token: t.accessToken }, { basic: [app.clientId, app.clientSecret] }));
    answered = true;
    expect(res.status).toBe(200);
    expect(heardBeforeAnswer).toEqual([true]);
    expect(heard).toEqual([
      expect.objectContaining({
        cause: "revocation_endpoint",
        changed: [expect.objectContaining({ hash: hashToken(t.accessToken) })],
        clients: [],
      }),
    ]);
    expect(heard[0].notices.revoked.map((r) => r.id)).toEqual([t.tokenId]);
  });

  it("names what the cache must drop beyond the tokens: a deleted application's client, a subscription's (client, API)", async () => {
    const app = await createTestApp();
    const heard = listen("committed");
    const owner = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });
    await deleteApp({ appId: app.app!.id, confirmName: app.app!.name, actor: owner });
    expect(heard).toEqual([expect.objectContaining({ cause: "app_deleted", clients: [{ clientId: app.clientId, api: null }] })]);

    const { api, ref, gold } = await createTestApi();
    const other = await createTestApp();
    const otherOwner = personActor({ id: other.user.id, email: other.user.email, role: "subscriber" });
    const sub = await subscribe({ appId: other.app!.id, apiId: api.id, tier: gold.name, actor: otherOwner });
    heard.length = 0;
    await changeSubscription({ where: { id: sub.id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });
    expect(heard).toEqual([expect.objectContaining({ cause: null, changed: [], clients: [{ clientId: other.clientId, api: ref }] })]);
  });

  it("runs every listener even when one throws, then throws its error; subscribing a name again replaces it", () => {
    const calls: string[] = [];
    stops.push(on("introspected", "test a", () => void calls.push("a")));
    stops.push(
      on("introspected", "test b", () => {
        throw new Error("b failed");
      }),
    );
    stops.push(on("introspected", "test c", () => void calls.push("c")));
    stops.push(on("introspected", "test a", () => void calls.push("a again")));

    expect(() => emit("introspected", { at: 0, hash: "h", clientId: null, tokenId: null })).toThrow("b failed");
    expect(calls).toEqual(["a again", "c"]);
  });
});

describe("the introspected hook", () => {
  it("hears each introspection once: unknown, another client's and an active token", async () => {
    const app = await createTestApp();
    const other = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    const heard = listen("introspected");
    const introspect = (caller: { clientId: string; clientSecret: string }, token: string) =>
      oauth.introspect(formRequest("/oauth2/introspect", { token }, { basic: [caller.clientId, caller.clientSecret] }));

    await introspect(app, "pcl_at_unknown");
    await introspect(other, t.accessToken);
    await introspect(app, t.accessToken);
    expect(heard).toEqual([
      expect.objectContaining({ hash: hashToken("pcl_at_unknown"), clientId: null, tokenId: null }),
      expect.objectContaining({ hash: hashToken(t.accessToken), clientId: app.clientId, tokenId: null }),
      expect.objectContaining({ hash: hashToken(t.accessToken), clientId: app.clientId, tokenId: t.tokenId }),
    ]);
  });
});
