import { createUser } from "@/lib/users/create-user";
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
}
