// npm run cli -- <command> [--json]   (also the `portcullis` bin). The same lib/ functions as the UI.
import { buildProgram } from "./program";

const args = process.argv.slice(2);
const program = await buildProgram(
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
  },
  args,
);
await program.parseAsync(args, { from: "user" });
