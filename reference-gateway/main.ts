import * as z from "zod";
import { createGateway } from "./create-gateway";
import type { GatewayInput } from "./options";
import { describeOptionsError } from "./options";
import { parseCli } from "./parse-cli";
import { USAGE } from "./usage";

// npm run gateway -- --port P --upstream URL --key-manager URL --client-id ID --client-secret S --signing-secret whsec_…
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}

let input: GatewayInput | undefined;
try {
  input = parseCli(argv, process.env);
  const gateway = createGateway(input);
  await gateway.listen();
  const shutdown = () => void gateway.close().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (err) {
  if (err instanceof z.ZodError) {
    console.error(`gateway: invalid options\n${describeOptionsError(err, input ?? {})}`);
    process.exit(2);
  }
  if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`gateway: ${err.message}\nSee npm run gateway -- --help`);
    process.exit(2);
  }
  throw err;
}
