import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import type { Command } from "commander";
import type { Run } from "../run";

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
        const { email, generated } = await resetPassword({ email: o.email, password: o.password });

        return generated ? { email, password: generated } : { email, password_changed: true };
      }),
    );
}
