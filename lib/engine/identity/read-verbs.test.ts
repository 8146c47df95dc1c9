import { firstRunChecklist } from "@/lib/admin/first-run-checklist";
import { getAdminOverview } from "@/lib/admin/get-overview";
import { listTiers } from "@/lib/apis/create-tier";
import { getApiOrThrow, listAllApis } from "@/lib/apis/list-apis";
import { listAllApps } from "@/lib/apps/list-all-apps";
import { listEvents } from "@/lib/audit/list-events";
import { listGateways } from "@/lib/gateways/list-gateways";
import { listSigningKeys } from "@/lib/keys/list-signing-keys";
import { listScopes } from "@/lib/scopes/list-scopes";
import { getAllSettings } from "@/lib/settings/settings";
import { activityPerDay } from "@/lib/stats/activity-per-day";
import { propagationPerDay } from "@/lib/stats/propagation-per-day";
import { listPendingSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { createTestApi, createTestApp, makeUser, TEST_ADMIN, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { previewBulkRevoke } from "@/lib/tokens/revoke-searched-tokens";
import { searchTokens } from "@/lib/tokens/search-tokens";
import { previewShortening } from "@/lib/tokens/shorten-tokens";
import { tokenStats } from "@/lib/tokens/token-stats";
import { listUsers } from "@/lib/users/list-users";
import { beforeAll, describe, expect, it } from "vitest";
import { clientActor, systemActor, type Actor } from "./actor.shared";
import { can, type Action } from "./permissions.shared";

// The reads of the admin area and the CLI check the table themselves, as the writes do: a door that
// forgets its guard (a new route, page or command) still cannot show a subscriber the whole house.
let subscriber: Actor, tokenId: string;
beforeAll(async () => {
  subscriber = await makeUser();
  const app = await createTestApp();
  tokenId = (await issueToken({ clientId: app.clientId, subscriber: app.user.id })).tokenId;
});

const READS: [verb: string, action: Action, read: (actor: Actor) => Promise<unknown>][] = [
  ["listUsers", "users.manage", (actor) => listUsers({ actor })],
  ["listAllApps", "apps.oversee", (actor) => listAllApps({ actor })],
  ["searchTokens", "tokens.oversee", (actor) => searchTokens({ actor })],
  ["previewBulkRevoke", "tokens.oversee", (actor) => previewBulkRevoke({ tokenIds: [tokenId], actor })],
  ["previewShortening", "tokens.oversee", (actor) => previewShortening({ type: "access_token", maxTtl: 60, actor })],
  ["tokenStats", "stats.read_all", (actor) => tokenStats({ actor })],
  ["getAdminOverview", "stats.read_all", (actor) => getAdminOverview({ actor })],
  ["firstRunChecklist", "stats.read_all", (actor) => firstRunChecklist({ actor })],
  ["activityPerDay, every application", "stats.read_all", (actor) => activityPerDay({ actor })],
  ["propagationPerDay, every application", "stats.read_all", (actor) => propagationPerDay({ actor })],
  ["listEvents, every application", "audit.read_all", (actor) => listEvents({ actor })],
  ["listAllApis", "apis.manage", (actor) => listAllApis({ actor })],
  ["listTiers", "apis.manage", (actor) => listTiers({ actor })],
  ["listPendingSubscriptions", "subscriptions.review", (actor) => listPendingSubscriptions({ actor })],
  ["getAllSettings", "settings.manage", (actor) => getAllSettings({ actor })],
  ["listSigningKeys", "keys.manage", (actor) => listSigningKeys({ actor })],
  ["listGateways", "gateways.manage", (actor) => listGateways({ actor })],
  ["listScopes", "scopes.manage", (actor) => listScopes({ actor })],
];
const SEATS: [string, () => Actor][] = [
  ["a subscriber", () => subscriber],
  ["an admin", () => TEST_ADMIN],
  ["the operator", () => TEST_OPERATOR],
  ["a system job", () => systemActor("purge")],
  ["an OAuth client", () => clientActor("pcl_ci_reader")],
];

describe.each(READS)("%s (%s)", (_, action, read) => {
  it("is refused to a subscriber and open to an admin", () => {
    expect([can(subscriber, action), can(TEST_ADMIN, action)]).toEqual([false, true]);
  });

  it.each(SEATS)("answers %s as the table says", async (_, seat) => {
    const actor = seat();
    if (can(actor, action)) await expect(read(actor)).resolves.toBeDefined();
    else await expect(read(actor)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
  });
});

describe("getApiOrThrow", () => {
  it("shows a draft only to whoever manages APIs: to anyone else it does not exist", async () => {
    const { api } = await createTestApi({ publish: false });

    await expect(getApiOrThrow({ apiId: api.id, actor: subscriber })).rejects.toMatchObject({ code: "not_found" });
    await expect(getApiOrThrow({ apiId: api.id, actor: TEST_ADMIN })).resolves.toMatchObject({ id: api.id, status: "draft" });
    await expect(getApiOrThrow({ apiId: api.id, actor: TEST_OPERATOR })).resolves.toMatchObject({ id: api.id });
  });

  it("shows a published API to a subscriber", async () => {
    const { api } = await createTestApi();

    await expect(getApiOrThrow({ apiId: api.id, actor: subscriber })).resolves.toMatchObject({ id: api.id, status: "published" });
  });
});
