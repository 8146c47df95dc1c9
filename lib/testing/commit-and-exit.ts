// A portal process killed at the worst time: commits one cause of revocation through its real
// verb, prints what it queued, and exits before any door could send a notice.
// Usage: tsx lib/testing/commit-and-exit.ts <cause> '<json arguments>'  (see lib/tokens/change-causes.test.ts)
import { deleteApp } from "@/lib/apps/delete-app";
import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { store, type QueuedNotices } from "@/lib/store";
import type { TokenChangeCause } from "@/lib/tokens/change-causes";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { revokeByClient } from "@/lib/tokens/revoke-by-client";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";
import { shortenTokens } from "@/lib/tokens/shorten-tokens";

type Args = {
  appId: string;
  clientId: string;
  token: string;
  tokenId: string;
  name: string;
  maxTtl: number;
  actor: { id: string; email: string };
};

const commit: Record<TokenChangeCause, (a: Args) => Promise<{ notices: QueuedNotices }>> = {
  revocation_endpoint: async (a) => revokeByClient({ client: (await store().findClient(a.clientId))!, token: a.token }),
  browser: (a) => revokeAppGrant({ appId: a.appId, tokenId: a.tokenId, actor: a.actor }),
  regenerate: (a) => generateAppToken({ appId: a.appId, actor: a.actor, regenerate: true }),
  app_deleted: (a) => deleteApp({ appId: a.appId, confirmName: a.name, actor: a.actor }),
  secret_regenerated: (a) => rotateClientSecret({ appId: a.appId, actor: a.actor, overlap: "none" }),
  cli: (a) => revokeByOperator({ token: a.token }),
  lifetime_shortened: (a) => shortenTokens({ type: "refresh_token", maxTtl: a.maxTtl, actor: a.actor }),
};

const [cause, args] = process.argv.slice(2);
const { notices } = await commit[cause as TokenChangeCause](JSON.parse(args) as Args);
process.stdout.write(JSON.stringify({ sequences: notices.sequences }));
process.exit(0);
