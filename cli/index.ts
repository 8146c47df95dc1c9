// npm run cli -- <command> [--json]   (also the `portcullis` bin). The same lib/ functions as the UI.
import { Command } from "commander";
import { appsCommands } from "./commands/apps";
import { gatewaysCommands } from "./commands/gateways";
import { settingsCommands } from "./commands/settings";
import { tokensCommands } from "./commands/tokens";
import { usersCommands } from "./commands/users";
import { runner } from "./run";

const program = new Command("portcullis")
  .description("Portcullis operator commands; uses DATABASE_URL like the server")
  .option("--json", "print one JSON object (snake_case keys) on stdout")
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
const run = runner(() => Boolean(program.opts().json));

usersCommands(program, run);
appsCommands(program, run);
tokensCommands(program, run);
settingsCommands(program, run);
gatewaysCommands(program, run);

await program.parseAsync();
