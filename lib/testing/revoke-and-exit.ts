// Used by lib/gateways/restart.test.ts: revokes a token and exits the moment the revocation has
// committed, before any notice can be sent — a portal process killed at the worst time.
import { store } from "@/lib/store";

const [tokenId] = process.argv.slice(2);
const { sequences } = await store().revokeTokens({ tokenId }, { at: Date.now(), by: "test", reason: "cli" });
process.stdout.write(JSON.stringify({ sequences }));
process.exit(0);
