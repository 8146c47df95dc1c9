import { AppError } from "@/lib/base/errors.shared";
import { MAX_PAGE_SIZE, TOKEN_STATES, tokenListQuerySchema } from "@/lib/base/list-query.shared";
import { store } from "@/lib/data/store";
import { reapproveToken } from "@/lib/tokens/reapprove-token";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import type { Run } from "../run";

// Revoking and re-approving commit in the driver store; the other commands' verbs use Prisma and load
// when their command runs, so that a revocation never starts it (cli/compiled-cli.test.ts).

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
        const operator = cliOperator();
        const client = await findClientOrThrow(o.clientId);
        if (client.kind !== "app" || !client.appId) throw new AppError("bad_request", "Gateway clients cannot hold tokens.");
        const { generateAppToken } = await import("@/lib/tokens/generate-app-token");
        const issued = await generateAppToken({ appId: client.appId, actor: operator });

        return { access_token: issued.accessToken, token_type: issued.tokenType, expires_in: issued.expiresIn };
      }),
    );
  tokens
    .command("revoke")
    .description("revoke a token and the rest of its grant, and tell every gateway before exiting (unknown tokens are not an error)")
    .requiredOption("--token <token>")
    .option("--no-cascade", "revoke this token alone (a refresh token's access tokens keep working)")
    .action(
      run(async (o: { token: string; cascade: boolean }) => {
        const { changed, notices } = await revokeByOperator({ token: o.token, cascade: o.cascade, actor: cliOperator() });

        return { revoked: changed.length, notices: await flushAndReport(notices) };
      }),
    );
  tokens
    .command("reapprove")
    .description(
      "make a revoked, unexpired token valid again (with the rest of its grant unless --no-cascade); gateways hear token.updated",
    )
    .requiredOption("--token <token>")
    .option("--no-cascade", "re-approve this token alone")
    .option("--reason <text>", "why, for the audit trail")
    .action(
      run(async (o: { token: string; cascade: boolean; reason?: string }) => {
        const { changed, notices } = await reapproveToken({ token: o.token, cascade: o.cascade, reason: o.reason, actor: cliOperator() });

        return { reapproved: changed.length, notices: await flushAndReport(notices) };
      }),
    );
  tokens
    .command("purge")
    .description("delete tokens dead for longer than the grace period, in batches")
    .option("--dry-run", "count what would be deleted, delete nothing")
    .action(
      run(async (o: { dryRun?: boolean }) => {
        const { purgeTokens } = await import("@/lib/tokens/purge-tokens");
        const r = await purgeTokens({ dryRun: o.dryRun, actor: cliOperator() });

        return {
          deleted_tokens: r.deletedTokens,
          deleted_events: r.deletedEvents,
          duration_ms: r.durationMs,
          dry_run: r.dryRun,
          ran_elsewhere: r.ranElsewhere,
        };
      }),
    );
  tokens
    .command("list")
    .description("list a client's tokens, newest first, a page at a time (next_cursor goes to --cursor)")
    .requiredOption("--client-id <id>")
    .option("--state <state>", `only ${TOKEN_STATES.join(", ")} tokens`)
    .option("--limit <n>", `tokens per page, 1–${MAX_PAGE_SIZE}`, "100")
    .option("--cursor <cursor>", "the next_cursor of the previous page")
    .action(
      run(async (o: { clientId: string; state?: string; limit: string; cursor?: string }) => {
        await findClientOrThrow(o.clientId);
        const query = tokenListQuerySchema.parse({ state: o.state, limit: o.limit, cursor: o.cursor });
        const { listTokens } = await import("@/lib/tokens/list-tokens");
        const page = await listTokens({ clientId: o.clientId, ...query, actor: cliOperator() });
        const tokens = page.tokens.map((t) => ({
          id: t.id,
          token: `${t.prefix}…${t.last4}`,
          type: t.type,
          status: t.status,
          source: t.source,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          revoked_at: t.revokedAt,
          revoked_by: t.revokedBy,
        }));

        return { tokens, total: page.total, next_cursor: page.nextCursor };
      }),
    );
}
