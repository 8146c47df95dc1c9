// npm run cli -- <command> [--json]   (also the `portcullis` bin). The same lib/ functions as the UI.
import { setFlagsFromString } from "node:v8";
import { buildProgram } from "./program";

// The first notice sent compiles undici's HTTP parser (WebAssembly); V8 then optimises it on a background
// thread, which a process must wait for at exit — half a second, for a parser a command uses once or twice.
setFlagsFromString("--liftoff-only");

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
