import { AppError } from "@/lib/base/errors.shared";
import { createScope } from "@/lib/scopes/create-scope";
import { listScopes } from "@/lib/scopes/list-scopes";
import { setScopePrivileged } from "@/lib/scopes/set-scope-privileged";
import type { Command } from "commander";
import { cliOperator } from "../operator";
import type { Run } from "../run";

export function scopesCommands(program: Command, run: Run) {
  const scopes = program.command("scopes").description("the scope catalog: the only scopes clients may request");
  scopes
    .command("create")
    .description("add a scope (its description is shown on the consent page); privileged: only applications granted it may request it")
    .requiredOption("--name <name>")
    .requiredOption("--description <text>")
    .option("--privileged", "only applications an admin granted it to (apps grant-scope) may request it")
    .action(
      run(async (o: { name: string; description: string; privileged?: boolean }) =>
        createScope({ ...o, privileged: Boolean(o.privileged), actor: cliOperator() }),
      ),
    );
  scopes
    .command("set")
    .description("mark a scope privileged (only applications granted it may request it) or open")
    .requiredOption("--name <name>")
    .option("--privileged", "only applications granted it (apps grant-scope) may request it")
    .option("--open", "any application may request it")
    .action(
      run(async (o: { name: string; privileged?: boolean; open?: boolean }) => {
        if (Boolean(o.privileged) === Boolean(o.open)) throw new AppError("bad_request", "Say --privileged or --open.");

        return setScopePrivileged({ name: o.name, privileged: Boolean(o.privileged), actor: cliOperator() });
      }),
    );
  scopes
    .command("list")
    .description("the catalog: each scope, open or privileged, and how many applications hold a privileged one")
    .action(run(async () => ({ scopes: await listScopes({ actor: cliOperator() }) })));
}
