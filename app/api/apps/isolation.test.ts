import { createApp } from "@/lib/apps/create-app";
import type { CreatedApp } from "@/lib/apps/schemas.shared";
import { db } from "@/lib/data/db/client";
import type { Person } from "@/lib/engine/identity/actor.shared";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, makeUser, TEST_OPERATOR } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as subscribeRoute from "../apis/[apiId]/subscriptions/route";
import * as activity from "./[appId]/activity/route";
import * as app from "./[appId]/route";
import * as secrets from "./[appId]/secrets/route";
import * as stats from "./[appId]/stats/route";
import * as subscription from "./[appId]/subscriptions/[subscriptionId]/route";
import * as subscriptions from "./[appId]/subscriptions/route";
import * as tokenFormat from "./[appId]/token-format/route";
import * as deliveries from "./[appId]/tokens/[tokenId]/deliveries/route";
import * as revokeOne from "./[appId]/tokens/[tokenId]/revoke/route";
import * as revokeSelected from "./[appId]/tokens/revoke/route";
import * as tokens from "./[appId]/tokens/route";

// Subscriber B, signed in, through every route of A's application: each answers 404 exactly as for an
// id that does not exist, and A's application, tokens, secrets, subscription and trail are left as they were.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; role: string } }));
vi.mock("@/lib/doors/auth/session", () => ({ getSession: async () => (session.user ? { user: session.user } : null) }));
vi.mock("next/server", () => ({ after: (work: () => unknown) => void work() }));

type Ids = { appId: string; tokenId: string; subscriptionId: string; apiId: string };
type Handler = (req: Request, ctx: { params: Promise<Ids> }) => Promise<Response>;

let a: Person, b: Person, created: CreatedApp, ids: Ids, tier: string;
beforeAll(async () => {
  [a, b] = [await makeUser(), await makeUser()];
  created = await createApp({ actor: a, name: "A's app" });
  const { api, gold } = await createTestApi();
  const sub = await subscribe({ actor: TEST_OPERATOR, asAdmin: true, appId: created.app.id, apiId: api.id, tier: gold.name });
  const { tokenId } = await generateAppToken({ appId: created.app.id, actor: a });
  ids = { appId: created.app.id, tokenId, subscriptionId: sub.id, apiId: api.id };
  tier = gold.name;
});

const ATTEMPTS: [string, (ids: Ids) => [Handler, unknown?]][] = [
  ["GET /api/apps/:appId", () => [app.GET]],
  ["PATCH /api/apps/:appId", () => [app.PATCH, { name: "pwned" }]],
  ["DELETE /api/apps/:appId", () => [app.DELETE, { confirmName: "A's app" }]],
  ["GET …/activity", () => [activity.GET]],
  ["GET …/secrets", () => [secrets.GET]],
  ["POST …/secrets", () => [secrets.POST, { overlap: "none" }]],
  ["GET …/stats", () => [stats.GET]],
  ["PUT …/token-format", () => [tokenFormat.PUT, { tokenFormat: "jwt" }]],
  ["GET …/tokens", () => [tokens.GET]],
  ["POST …/tokens", () => [tokens.POST, { regenerate: true }]],
  ["POST …/tokens/revoke", (i) => [revokeSelected.POST, { tokenIds: [i.tokenId] }]],
  ["POST …/tokens/:tokenId/revoke", () => [revokeOne.POST]],
  ["GET …/tokens/:tokenId/deliveries", () => [deliveries.GET]],
  ["GET …/subscriptions", () => [subscriptions.GET]],
  ["PATCH …/subscriptions/:id", () => [subscription.PATCH, { tier }]],
  ["DELETE …/subscriptions/:id", () => [subscription.DELETE]],
  ["POST /api/apis/:apiId/subscriptions", (i) => [subscribeRoute.POST, { appId: i.appId, tier }]],
];

async function call(method: string, handle: Handler, body?: unknown) {
  const req = new Request("http://localhost:3000/api/apps", {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handle(req, { params: Promise.resolve(ids) });

  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

describe("another subscriber, through the portal routes of an application", () => {
  it.each(ATTEMPTS)("%s → 404 not_found", async (route, attempt) => {
    session.user = b;
    const [handle, body] = attempt(ids);
    const res = await call(route.split(" ")[0], handle, body);

    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe("not_found");
  });

  it("leaves A's application, token, secret, subscription and trail as they were", async () => {
    const appRow = await db.app.findUniqueOrThrow({ where: { id: ids.appId } });
    expect(appRow).toMatchObject({ name: "A's app", deletedAt: null, tokenFormat: "opaque" });
    expect(await db.token.findUniqueOrThrow({ where: { id: ids.tokenId } })).toMatchObject({ revokedAt: null });
    expect(await db.clientSecret.count({ where: { clientId: created.clientId, revokedAt: null } })).toBe(1);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: ids.subscriptionId } })).toMatchObject({ status: "active" });
    const trail = await db.auditEvent.findMany({ where: { appId: ids.appId }, select: { actorId: true } });
    expect(trail.every((e) => e.actorId !== b.id)).toBe(true);
  });

  it("and A, through the same routes, reads it", async () => {
    session.user = a;
    expect((await call("GET", app.GET)).status).toBe(200);
    expect((await call("GET", tokens.GET)).status).toBe(200);
  });
});
