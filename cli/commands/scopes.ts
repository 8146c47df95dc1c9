import { createScope } from "@/lib/scopes/create-scope";
import type { Command } from "commander";
import { cliOperator } from "../operator";
import type { Run } from "../run";

export function scopesCommands(program: Command, run: Run) {
  const scopes = program.command("scopes").description("the scope catalog applications may be limited to");
  scopes
    .command("create")
    .description("add a scope (its description is shown on the consent page)")
    .requiredOption("--name <name>")
    .requiredOption("--description <text>")
    .action(run(async (o: { name: string; description: string }) => createScope({ ...o, actor: cliOperator() })));
}
