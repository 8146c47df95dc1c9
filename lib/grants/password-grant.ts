import { authorizeCredentials } from "@/lib/auth/authorize";
import { AppError } from "@/lib/base/errors.shared";
import { invalidGrant } from "@/lib/base/oauth-errors";
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
 * enabled it for. The person's credentials go through the sign-in check, with its rate limits.
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
  const { rows, response } = await prepareGrantTokens({ client, userId, scope, grantId: randomUUID(), now });
  await store().insertTokens(rows);

  return response;
}
