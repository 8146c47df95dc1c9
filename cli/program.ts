import { Command } from "commander";
import type { CliIo, Run } from "./run";

type Register = (program: Command, run: Run) => void;
type Group = { summary: string; load: () => Promise<Register> };

const apis = async () => (await import("./commands/apis")).apisCommands; // apis, tiers and subscriptions
/**
 * The command groups, each loaded only when it is called: `--help` pays for commander alone and a
 * revocation for the revocation's code, never for every other command's (or their Prisma queries').
 * The summaries are the groups' own descriptions, for the top-level help.
 */
const GROUPS: Record<string, Group> = {
  users: { summary: "manage accounts", load: async () => (await import("./commands/users")).usersCommands },
  apps: { summary: "manage applications", load: async () => (await import("./commands/apps")).appsCommands },
  tokens: { summary: "issue, revoke and list access tokens", load: async () => (await import("./commands/tokens")).tokensCommands },
  settings: {
    summary: "read and change key manager settings (seconds)",
    load: async () => (await import("./commands/settings")).settingsCommands,
  },
  gateways: {
    summary: "manage the gateways told of revocations",
    load: async () => (await import("./commands/gateways")).gatewaysCommands,
  },
  scopes: {
    summary: "the scope catalog applications may be limited to",
    load: async () => (await import("./commands/scopes")).scopesCommands,
  },
  apis: { summary: "publish API versions and move them along their lifecycle", load: apis },
  tiers: { summary: "rate-limit plans offered by APIs", load: apis },
  subscriptions: { summary: "applications' subscriptions to API versions", load: apis },
  keys: {
    summary: "the key manager's JWT signing keys (JWT access tokens, JWT to the backend)",
    load: async () => (await import("./commands/keys")).keysCommands,
  },
};

/** The group `args` call (`help tokens` asks for the tokens group too), if any. */
function calledGroup(args: readonly string[]): Group | undefined {
  const words = args.filter((arg) => !arg.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];

  return name !== undefined && Object.hasOwn(GROUPS, name) ? GROUPS[name] : undefined;
}

/**
 * The `portcullis` command tree for `args`, writing and exiting through `io`: the process's in the
 * bin, a buffer's in tests. Only the called group is loaded; without one, the groups are listed.
 */
export async function buildProgram(io: CliIo, args: readonly string[]) {
  const program = new Command("portcullis")
    .description("Portcullis operator commands; uses DATABASE_URL like the server")
    .option("--json", "print one JSON object (snake_case keys) on stdout")
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride((err) => io.exit(err.exitCode === 0 ? 0 : 2));
  const group = calledGroup(args);
  if (group) {
    const [{ runner }, register] = await Promise.all([import("./run"), group.load()]);
    register(
      program,
      runner(() => Boolean(program.opts().json), io),
    );
  } else {
    for (const [name, { summary }] of Object.entries(GROUPS)) program.command(name).description(summary);
  }

  return program;
}
