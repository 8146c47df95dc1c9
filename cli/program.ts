import { Command } from "commander";
import { apisCommands } from "./commands/apis";
import { appsCommands } from "./commands/apps";
import { gatewaysCommands } from "./commands/gateways";
import { keysCommands } from "./commands/keys";
import { scopesCommands } from "./commands/scopes";
import { settingsCommands } from "./commands/settings";
import { tokensCommands } from "./commands/tokens";
import { usersCommands } from "./commands/users";
import { type CliIo, runner } from "./run";

/** The `portcullis` command tree, writing and exiting through `io`: the process's in the bin, a buffer's in tests. */
export function buildProgram(io: CliIo) {
  const program = new Command("portcullis")
    .description("Portcullis operator commands; uses DATABASE_URL like the server")
    .option("--json", "print one JSON object (snake_case keys) on stdout")
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride((err) => io.exit(err.exitCode === 0 ? 0 : 2));
  const run = runner(() => Boolean(program.opts().json), io);

  usersCommands(program, run);
  appsCommands(program, run);
  tokensCommands(program, run);
  settingsCommands(program, run);
  gatewaysCommands(program, run);
  scopesCommands(program, run);
  apisCommands(program, run);
  keysCommands(program, run);

  return program;
}
