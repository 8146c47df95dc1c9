import { listEvents } from "@/lib/audit/list-events";
import { listClientSecrets } from "@/lib/clients/list-client-secrets";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { makeUser } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import type { Role } from "@/lib/users/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { deleteApp } from "./delete-app";
import { getAppOrThrow } from "./get-app-or-throw";
import { listAppTokens } from "./list-app-tokens";
import { revokeAppGrant } from "./revoke-app-grant";
import type { Actor, CreatedApp } from "./schemas";
import { updateApp } from "./update-app";

const notFound = expect.objectContaining({ name: "AppError", code: "not_found" });

// Subscriber B must not learn that A's application exists, let alone change it: every verb answers
// not_found (404), exactly as for an id that never existed.
describe("another subscriber's application", () => {
  let a: Actor, b: Actor & { role: Role }, created: CreatedApp, tokenId: string;

  beforeAll(async () => {
    [a, b] = [await makeUser(), await makeUser()];
    created = await createApp({ actor: a, name: "A's private app" });
    tokenId = (await generateAppToken({ appId: created.app.id, actor: a })).tokenId;
  });

  const appId = () => created.app.id;
  const attempts: [string, () => Promise<unknown>][] = [
    ["getAppOrThrow", () => getAppOrThrow({ appId: appId(), userId: b.id })],
    ["updateApp", () => updateApp({ appId: appId(), actor: b, name: "pwned" })],
    ["deleteApp", () => deleteApp({ appId: appId(), actor: b, confirmName: "A's private app" })],
    ["rotateClientSecret", () => rotateClientSecret({ appId: appId(), actor: b })],
    ["listClientSecrets", () => listClientSecrets({ appId: appId(), userId: b.id })],
    ["generateAppToken", () => generateAppToken({ appId: appId(), actor: b, regenerate: true })],
    ["listAppTokens", () => listAppTokens({ appId: appId(), userId: b.id })],
    ["revokeAppGrant", () => revokeAppGrant({ appId: appId(), tokenId, actor: b })],
    ["listEvents", () => listEvents({ appId: appId(), user: b })],
  ];

  it.each(attempts)("%s → not_found", async (_, attempt) => {
    await expect(attempt()).rejects.toEqual(notFound);
  });

  it("is left exactly as it was", async () => {
    const app = await getAppOrThrow({ appId: appId(), userId: a.id });
    const token = await db.token.findUniqueOrThrow({ where: { id: tokenId } });
    const secrets = await listClientSecrets({ appId: appId(), userId: a.id });

    expect(app.name).toBe("A's private app");
    expect(token.revokedAt).toBeNull();
    expect(secrets.map((s) => s.status)).toEqual(["active"]);
  });

  it("is indistinguishable from an id that does not exist", async () => {
    const failure = (id: string) =>
      getAppOrThrow({ appId: id, userId: b.id }).then(
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
