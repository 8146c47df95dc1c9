import { authorizeCredentials } from "@/lib/auth/authorize";
import { AppError } from "@/lib/base/errors.shared";
import { PASSWORD_FAMILY_PREFIX } from "@/lib/base/hash-token";
import { invalidGrant } from "@/lib/base/oauth-errors";
import { db } from "@/lib/data/db/client";
import { store, type ClientAuthRow } from "@/lib/data/store";
import { randomUUID } from "node:crypto";
import { prepareGrantTokens, type TokenResponse } from "./grant-tokens";

type PasswordGrantOptions = {
  client: ClientAuthRow;
  username: string;
  password: string;
  scope: string[];
  ip?: string | null;
  now?: number;
};

/**
 * RFC 6749 §4.3, legacy (RFC 9700 §2.4 says it MUST NOT be used): only for applications an admin
 * enabled it for. The person's credentials go through the sign-in check, with its rate limits. The person
 * authorized the application by giving it their password: the grant is recorded as a consent would be, so
 * it is listed under Authorized applications and can be withdrawn there, and its token family is marked
 * (PASSWORD_FAMILY_PREFIX) so a password change revokes it.
 */
export async function passwordGrant({
  client,
  username,
  password,
  scope,
  ip,
  now = Date.now(),
}: PasswordGrantOptions): Promise<TokenResponse> {
  let userId: string;
  try {
    userId = (await authorizeCredentials({ email: username, password, ip })).id;
  } catch (err) {
    if (err instanceof AppError && err.code === "too_many_requests") throw invalidGrant("too many failed attempts; try again later");
    if (err instanceof AppError) throw invalidGrant("the username or password is wrong");
    throw err;
  }
  await recordGrant(userId, client.id, scope);
  const grantId = `${PASSWORD_FAMILY_PREFIX}${randomUUID()}`;
  const { rows, response } = await prepareGrantTokens({ client, userId, scope, grantId, now });
  await store().insertTokens(rows);

  return response;
}

/** The person's grant to the client, its scopes widened to these: what Authorized applications lists. */
async function recordGrant(userId: string, clientId: string, scope: string[]) {
  const known = await db.grant.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { scope: true } });
  const widened = [...new Set([...(known?.scope.split(" ").filter(Boolean) ?? []), ...scope])].join(" ");
  await db.grant.upsert({
    where: { userId_clientId: { userId, clientId } },
    create: { userId, clientId, scope: widened },
    update: { scope: widened },
  });
}
