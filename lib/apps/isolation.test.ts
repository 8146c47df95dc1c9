import { listEvents } from "@/lib/audit/list-events";
import { AppError } from "@/lib/base/errors.shared";
import { listClientSecrets } from "@/lib/clients/list-client-secrets";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { db } from "@/lib/data/db/client";
import type { Person } from "@/lib/engine/identity/actor.shared";
import { listAppTokenDeliveries } from "@/lib/gateways/list-app-token-deliveries";
import { activityPerDay } from "@/lib/stats/activity-per-day";
import { appStats } from "@/lib/stats/app-stats";
import { propagationPerDay } from "@/lib/stats/propagation-per-day";
import { listAppSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { makeUser } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { listAppTokens } from "@/lib/tokens/list-app-tokens";
import { listTokens } from "@/lib/tokens/list-tokens";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { deleteApp } from "./delete-app";
import { getAppOrThrow } from "./get-app-or-throw";
import { getOverseenApp } from "./get-overseen-app";
import { revokeAppGrant } from "./revoke-app-grant";
import { revokeSelectedTokens } from "./revoke-selected-tokens";
import type { CreatedApp } from "./schemas.shared";
import { setTokenFormat } from "./set-token-format";
import { updateApp } from "./update-app";

const notFound = expect.objectContaining({ name: "AppError", code: "not_found" });

// Subscriber B must not learn that A's application exists, let alone change it: every verb answers
// not_found (404), exactly as for an id that never existed.
describe("another subscriber's application", () => {
  let a: Person, b: Person, created: CreatedApp, tokenId: string;

  beforeAll(async () => {
    [a, b] = [await makeUser(), await makeUser()];
    created = await createApp({ actor: a, name: "A's private app" });
    tokenId = (await generateAppToken({ appId: created.app.id, actor: a })).tokenId;
  });

  const appId = () => created.app.id;
  const attempts: [string, () => Promise<unknown>][] = [
    ["getAppOrThrow", () => getAppOrThrow({ appId: appId(), actor: b, may: "apps.read" })],
    ["getAppOrThrow, for the owner's page", () => getAppOrThrow({ appId: appId(), actor: b, may: "apps.open" })],
    ["getOverseenApp", () => getOverseenApp({ appId: appId(), actor: b })],
    ["updateApp", () => updateApp({ appId: appId(), actor: b, name: "pwned" })],
    ["deleteApp", () => deleteApp({ appId: appId(), actor: b, confirmName: "A's private app" })],
    ["rotateClientSecret", () => rotateClientSecret({ appId: appId(), actor: b })],
    ["listClientSecrets", () => listClientSecrets({ appId: appId(), actor: b })],
    ["generateAppToken", () => generateAppToken({ appId: appId(), actor: b, regenerate: true })],
    ["listAppTokens", () => listAppTokens({ appId: appId(), actor: b })],
    ["revokeAppGrant", () => revokeAppGrant({ appId: appId(), tokenId, actor: b })],
    ["revokeSelectedTokens", () => revokeSelectedTokens({ appId: appId(), tokenIds: [tokenId], actor: b })],
    ["setTokenFormat", () => setTokenFormat({ appId: appId(), tokenFormat: "jwt", actor: b })],
    ["listAppTokenDeliveries", () => listAppTokenDeliveries({ appId: appId(), tokenId, actor: b })],
    ["listEvents", () => listEvents({ appId: appId(), actor: b })],
    ["appStats", () => appStats({ appId: appId(), actor: b })],
    ["activityPerDay", () => activityPerDay({ appId: appId(), actor: b })],
    ["propagationPerDay", () => propagationPerDay({ appId: appId(), actor: b })],
    ["listAppSubscriptions", () => listAppSubscriptions({ appId: appId(), actor: b })],
    ["listTokens, by its client id", () => listTokens({ clientId: created.clientId, actor: b })],
  ];

  it.each(attempts)("%s → not_found", async (_, attempt) => {
    await expect(attempt()).rejects.toEqual(notFound);
  });

  it("is left exactly as it was", async () => {
    const app = await getAppOrThrow({ appId: appId(), actor: a, may: "apps.open" });
    const token = await db.token.findUniqueOrThrow({ where: { id: tokenId } });
    const secrets = await listClientSecrets({ appId: appId(), actor: a });

    expect(app.name).toBe("A's private app");
    expect(app.tokenFormat).toBe("opaque");
    expect(token.revokedAt).toBeNull();
    expect(secrets.map((s) => s.status)).toEqual(["active"]);
  });

  it("is indistinguishable from an id that does not exist", async () => {
    const failure = (id: string) =>
      getAppOrThrow({ appId: id, actor: b, may: "apps.read" }).then(
        () => null,
        (e: unknown) => e,
      );
    const [err, unknown] = [await failure(appId()), await failure("no-such-app")];

    expect(err).toBeInstanceOf(AppError);
    expect(err).toEqual(unknown);
  });

  it("does not let B revoke A's token through B's own application", async () => {
    const own = await createApp({ actor: b, name: "B's app" });

    await expect(revokeAppGrant({ appId: own.app.id, tokenId, actor: b })).rejects.toEqual(notFound);
  });
});

// An admin oversees every application: sees its keys, tokens and activity, and revokes; the owner's
// own changes (edit, delete, rotate, generate) stay the owner's.
describe("an admin and another user's application", () => {
  let owner: Person, admin: Person, created: CreatedApp, tokenIds: string[];

  beforeAll(async () => {
    [owner, admin] = [await makeUser(), await makeUser("admin")];
    created = await createApp({ actor: owner, name: "Overseen app" });
    tokenIds = [
      (await generateAppToken({ appId: created.app.id, actor: owner })).tokenId,
      (await generateAppToken({ appId: created.app.id, actor: owner })).tokenId,
    ];
  });

  it("sees it with its owner, its secrets, tokens and activity", async () => {
    const appId = created.app.id;

    expect(await getOverseenApp({ appId, actor: admin })).toMatchObject({ name: "Overseen app", ownerEmail: owner.email });
    expect(await listClientSecrets({ appId, actor: admin })).toHaveLength(1);
    expect((await listAppTokens({ appId, actor: admin })).total).toBe(2);
    expect((await listTokens({ clientId: created.clientId, actor: admin })).total).toBe(2);
    expect((await activityPerDay({ appId, actor: admin })).at(-1)).toMatchObject({ issued: 2 });
    expect((await listEvents({ appId, actor: admin })).events.length).toBeGreaterThan(0);
  });

  it("revokes one token and a selection, named as the admin in the tokens list", async () => {
    const appId = created.app.id;

    await expect(revokeAppGrant({ appId, tokenId: tokenIds[0], actor: admin })).resolves.toMatchObject({ revoked: 1 });
    await expect(revokeSelectedTokens({ appId, tokenIds: [tokenIds[1]], actor: admin })).resolves.toMatchObject({ revoked: 1 });
    const tokens = await db.token.findMany({ where: { id: { in: tokenIds } } });
    expect(tokens.map((t) => t.revokedBy)).toEqual([admin.email, admin.email]);
  });

  it.each([
    ["updateApp", () => updateApp({ appId: created.app.id, actor: admin, name: "renamed by admin" })],
    ["deleteApp", () => deleteApp({ appId: created.app.id, actor: admin, confirmName: "Overseen app" })],
    ["rotateClientSecret", () => rotateClientSecret({ appId: created.app.id, actor: admin })],
    ["generateAppToken", () => generateAppToken({ appId: created.app.id, actor: admin })],
  ])("cannot %s it (not_found, as for anyone but the owner)", async (_, attempt) => {
    await expect(attempt()).rejects.toEqual(notFound);
  });
});
