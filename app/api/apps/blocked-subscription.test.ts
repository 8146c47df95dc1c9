import { createApp } from "@/lib/apps/create-app";
import { db } from "@/lib/data/db/client";
import type { Person } from "@/lib/engine/identity/actor.shared";
import { BLOCKED_STICKS } from "@/lib/subscriptions/blocked.shared";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, makeUser, TEST_ADMIN } from "@/lib/testing/factories";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as adminSubscription from "../admin/subscriptions/[subscriptionId]/route";
import * as subscribeRoute from "../apis/[apiId]/subscriptions/route";
import * as subscription from "./[appId]/subscriptions/[subscriptionId]/route";

// Issue 26, M2 through the portal's routes: the subscriber's DELETE and POST are refused with the message the
// Subscriptions tab and the subscribe form show; an admin's route removes it.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));
vi.mock("next/server", () => ({ after: (work: () => unknown) => void work() }));

type Ids = { appId: string; apiId: string; subscriptionId: string };
type Handler = (req: Request, ctx: { params: Promise<Ids> }) => Promise<Response>;

async function call(as: Person, method: string, handle: Handler, params: Ids, body?: unknown) {
  session.user = as;
  const req = new Request("http://localhost:3000/api", {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handle(req, { params: Promise.resolve(params) });

  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

let owner: Person, admin: Person, ids: Ids, tiers: string[];
beforeAll(async () => {
  [owner, admin] = [await makeUser(), await makeUser("admin")];
  const { api, gold, bronze } = await createTestApi();
  const { app } = await createApp({ actor: owner, name: "Blocked app" });
  const sub = await subscribe({ actor: owner, appId: app.id, apiId: api.id, tier: bronze.name });
  await changeSubscription({ where: { id: sub.id }, action: { kind: "block", reason: "abuse" }, actor: TEST_ADMIN });
  ids = { appId: app.id, apiId: api.id, subscriptionId: sub.id };
  tiers = [gold.name, bronze.name];
});

describe("a blocked subscription, through the portal routes", () => {
  it("DELETE …/subscriptions/:id by its subscriber → 409 with the reason, and it stays blocked", async () => {
    const res = await call(owner, "DELETE", subscription.DELETE, ids);

    expect(res).toEqual({ status: 409, body: { error: { code: "conflict", message: BLOCKED_STICKS } } });
    expect(await db.subscription.findUnique({ where: { id: ids.subscriptionId }, select: { status: true } })).toEqual({
      status: "blocked",
    });
  });

  it.each([0, 1])("POST /api/apis/:apiId/subscriptions on tier %i → 409 with a field message, nothing changed", async (i) => {
    const res = await call(owner, "POST", subscribeRoute.POST, ids, { appId: ids.appId, tier: tiers[i] });

    expect(res).toEqual({
      status: 409,
      body: { error: { code: "conflict", message: BLOCKED_STICKS, fields: { appId: [BLOCKED_STICKS] } } },
    });
    expect(await db.subscription.findMany({ where: { appId: ids.appId }, select: { status: true } })).toEqual([{ status: "blocked" }]);
  });

  it("POST /api/admin/subscriptions/:id { action: remove } by an admin → removed; a subscriber there → 403", async () => {
    expect((await call(owner, "POST", adminSubscription.POST, ids, { action: "remove" })).status).toBe(403);
    expect(await call(admin, "POST", adminSubscription.POST, ids, { action: "remove" })).toEqual({
      status: 200,
      body: { status: "removed" },
    });
    expect(await db.subscription.count({ where: { id: ids.subscriptionId } })).toBe(0);
  });
});
