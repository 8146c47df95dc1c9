import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/http/errors";
import { store } from "@/lib/store";
import { issueToken } from "@/lib/tokens/issue-token";
import { listTokens } from "@/lib/tokens/list-tokens";
import { purgeTokens } from "@/lib/tokens/purge-tokens";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import type { Run } from "../run";

async function findClientOrThrow(clientId: string) {
  const client = await store().findClient(clientId);
  if (!client || client.disabled) throw new AppError("not_found", `No active client ${clientId}.`);

  return client;
}

export function tokensCommands(program: Command, run: Run) {
  const tokens = program.command("tokens").description("issue, revoke and list access tokens");
  tokens
    .command("issue")
    .description("issue a client_credentials access token for a client")
    .requiredOption("--client-id <id>")
    .action(
      run(async (o: { clientId: string }) => {
        const client = await findClientOrThrow(o.clientId);
        if (client.kind !== "app") throw new AppError("bad_request", "Gateway clients cannot hold tokens.");
        const issued = await issueToken({ clientId: client.id, subscriber: client.ownerId, appTtl: client.appAccessTokenTtl });
        await recordAuditEvent({ appId: client.appId, actor: "cli", action: "token.generated", detail: { tokenId: issued.tokenId } });

        return { access_token: issued.accessToken, token_type: issued.tokenType, expires_in: issued.expiresIn };
      }),
    );
  tokens
    .command("revoke")
    .description("revoke a token and the rest of its grant, and tell every gateway before exiting (unknown tokens are not an error)")
    .requiredOption("--token <token>")
    .action(
      run(async (o: { token: string }) => {
        const { changed, notices } = await revokeByOperator({ token: o.token });

        return { revoked: changed.length, notices: await flushAndReport(notices) };
      }),
    );
  tokens
    .command("purge")
    .description("delete tokens dead for longer than the grace period, in batches")
    .option("--dry-run", "count what would be deleted, delete nothing")
    .action(
      run(async (o: { dryRun?: boolean }) => {
        const r = await purgeTokens({ dryRun: o.dryRun, trigger: "cli" });

        return { deleted_tokens: r.deletedTokens, deleted_events: r.deletedEvents, duration_ms: r.durationMs, dry_run: r.dryRun };
      }),
    );
  tokens
    .command("list")
    .description("list a client's tokens, newest first")
    .requiredOption("--client-id <id>")
    .action(
      run(async (o: { clientId: string }) => {
        await findClientOrThrow(o.clientId);

        const tokens = (await listTokens({ clientId: o.clientId })).map((t) => ({
          id: t.id,
          token: `${t.prefix}…${t.last4}`,
          type: t.type,
          status: t.status,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          revoked_at: t.revokedAt,
          revoked_by: t.revokedBy,
        }));

        return { tokens };
      }),
    );
}
