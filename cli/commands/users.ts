import { suspendUser } from "@/lib/users/suspend-user";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import type { Run } from "../run";

// A suspension commits in the driver store; the other commands' verbs use Prisma and load when their
// command runs, so that a suspension never starts it (cli/compiled-cli.test.ts).

export function usersCommands(program: Command, run: Run) {
  const users = program.command("users").description("manage accounts");
  users
    .command("create")
    .description("create an account (a subscriber unless --admin)")
    .requiredOption("--email <email>")
    .requiredOption("--password <password>")
    .option("--admin", "give the account the admin role")
    .action(
      run(async (o: { email: string; password: string; admin?: boolean }) => {
        const { createUser } = await import("@/lib/users/create-user");
        const user = await createUser({ email: o.email, password: o.password, role: o.admin ? "admin" : "subscriber" });

        return { id: user.id, email: user.email, role: user.role };
      }),
    );
  users
    .command("reset-password")
    .description("set a new password for an account (generated and printed once unless --password is given)")
    .requiredOption("--email <email>")
    .option("--password <password>", "the new password (at least 10 characters)")
    .action(
      run(async (o: { email: string; password?: string }) => {
        const { resetPassword } = await import("@/lib/users/reset-password");
        const { email, generated } = await resetPassword({ email: o.email, password: o.password, actor: cliOperator() });

        return generated ? { email, password: generated } : { email, password_changed: true };
      }),
    );
  users
    .command("list")
    .description("list accounts, newest first")
    .option("--q <text>", "part of the email or name")
    .option("--role <role>", "subscriber or admin")
    .option("--state <state>", "active or suspended")
    .option("--limit <n>", "at most this many (1..100, default 50)")
    .option("--cursor <cursor>", "the next_cursor of the previous page")
    .action(
      run(async (o: { q?: string; role?: "admin" | "subscriber"; state?: "active" | "suspended"; limit?: string; cursor?: string }) => {
        const { listUsers } = await import("@/lib/users/list-users");
        const page = await listUsers({ ...o, actor: cliOperator() });

        return {
          users: page.users.map((u) => ({
            id: u.id,
            email: u.email,
            role: u.role,
            suspended_at: u.suspendedAt,
            apps: u.apps,
            created_at: u.createdAt,
          })),
          total: page.total,
          next_cursor: page.nextCursor,
        };
      }),
    );
  users
    .command("suspend")
    .description(
      "suspend an account: end its sessions, revoke its applications' tokens and those others hold for it, and tell every gateway before exiting",
    )
    .requiredOption("--email <email>")
    .action(
      run(async (o: { email: string }) => {
        const { email, revokedTokens, notices } = await suspendUser({ email: o.email, actor: cliOperator() });

        return { email, suspended: true, revoked_tokens: revokedTokens, notices: await flushAndReport(notices) };
      }),
    );
  users
    .command("unsuspend")
    .description("lift a suspension (tokens it revoked stay revoked)")
    .requiredOption("--email <email>")
    .action(
      run(async (o: { email: string }) => {
        const { unsuspendUser } = await import("@/lib/users/unsuspend-user");

        return unsuspendUser({ email: o.email, actor: cliOperator() });
      }),
    );
  users
    .command("set-role")
    .description("promote or demote an account")
    .requiredOption("--email <email>")
    .requiredOption("--role <role>", "subscriber or admin")
    .action(
      run(async (o: { email: string; role: string }) => {
        const { setUserRole } = await import("@/lib/users/set-user-role");

        return setUserRole({ email: o.email, role: o.role, actor: cliOperator() });
      }),
    );
}
