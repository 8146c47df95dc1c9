// A portal process killed at the worst time: commits one cause of revocation through its real
// verb, prints what it queued, and exits before any door could send a notice.
// Usage: tsx lib/testing/commit-and-exit.ts <cause> '<json arguments>'  (see lib/engine/changes/causes.test.ts)
import { deleteApp } from "@/lib/apps/delete-app";
import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { OAuthError } from "@/lib/base/oauth-errors";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { store, type QueuedNotices } from "@/lib/data/store";
import type { TokenChangeCause } from "@/lib/engine/changes/causes.shared";
import { operatorActor, type Actor, type Person } from "@/lib/engine/identity/actor.shared";
import { revokeCanaryToken } from "@/lib/gateways/revoke-canary-token";
import { exchangeCode } from "@/lib/grants/exchange-code";
import { refreshTokens } from "@/lib/grants/refresh-tokens";
import { revokeUserGrant } from "@/lib/grants/revoke-user-grant";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { reapproveToken } from "@/lib/tokens/reapprove-token";
import { revokeByClient } from "@/lib/tokens/revoke-by-client";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";
import { revokeSearchedTokens } from "@/lib/tokens/revoke-searched-tokens";
import { shortenTokens } from "@/lib/tokens/shorten-tokens";
import { changePassword } from "@/lib/users/change-password";
import { suspendUser } from "@/lib/users/suspend-user";

type Args = {
  appId: string;
  clientId: string;
  token: string;
  tokenId: string;
  name: string;
  maxTtl: number;
  email: string;
  tokenIds: string[];
  actor?: Actor; // who acts; the operator when not given
  redirectUri: string;
  verifier: string;
  password: string; // the person's current password (a password change)
};

const client = async (a: Args) => (await store().findClient(a.clientId))!;
const actor = (a: Args) => a.actor ?? operatorActor("vitest");
const owner = (a: Args) => a.actor as Person; // the application's owner, for what only they do
/** A refusal that revoked something (a replay): its notices ride on the error. */
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => Promise.reject(new Error("expected a refusal")),
    (err: unknown) =>
      ({ notices: err instanceof OAuthError && err.notices ? err.notices : Promise.reject(err) }) as { notices: QueuedNotices },
  );

const commit: Record<TokenChangeCause, (a: Args) => Promise<{ notices: QueuedNotices }>> = {
  revocation_endpoint: async (a) => revokeByClient({ client: (await store().findClient(a.clientId))!, token: a.token }),
  browser: (a) => revokeAppGrant({ appId: a.appId, tokenId: a.tokenId, actor: actor(a) }),
  regenerate: (a) => generateAppToken({ appId: a.appId, actor: owner(a), regenerate: true }),
  app_deleted: (a) => deleteApp({ appId: a.appId, confirmName: a.name, actor: actor(a) }),
  secret_regenerated: (a) => rotateClientSecret({ appId: a.appId, actor: actor(a), overlap: "none" }),
  cli: (a) => revokeByOperator({ token: a.token, actor: actor(a) }),
  lifetime_shortened: (a) => shortenTokens({ type: "refresh_token", maxTtl: a.maxTtl, actor: actor(a) }),
  code_reused: async (a) =>
    refusal(exchangeCode({ client: await client(a), code: a.token, redirectUri: a.redirectUri, codeVerifier: a.verifier })),
  refresh_rotated: async (a) => refreshTokens({ client: await client(a), refreshToken: a.token, scope: [] }),
  refresh_retried: async (a) => refreshTokens({ client: await client(a), refreshToken: a.token, scope: [] }),
  refresh_reused: async (a) => refusal(refreshTokens({ client: await client(a), refreshToken: a.token, scope: [] })),
  grant_revoked: (a) => revokeUserGrant({ clientId: a.clientId, actor: owner(a) }),
  admin: (a) => revokeByOperator({ tokenId: a.tokenId, actor: actor(a) }),
  reapproved: (a) => reapproveToken({ tokenId: a.tokenId, actor: actor(a) }),
  user_suspended: (a) => suspendUser({ email: a.email, actor: actor(a) }),
  admin_bulk: (a) => revokeSearchedTokens({ tokenIds: a.tokenIds, actor: actor(a) }),
  canary: (a) => revokeCanaryToken({ tokenId: a.tokenId }),
  password_changed: (a) =>
    changePassword({ actor: owner(a), input: { currentPassword: a.password, newPassword: "a passphrase nobody had before 9" } }),
};

const [cause, args] = process.argv.slice(2);
const { notices } = await commit[cause as TokenChangeCause](JSON.parse(args) as Args);
process.stdout.write(JSON.stringify({ sequences: notices.sequences }));
process.exit(0);
