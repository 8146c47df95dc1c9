import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { gatewayStartCommand } from "./start-command.shared";

const options = {
  issuer: "https://portal.example",
  revokeUrl: "http://10.0.0.5:9000/x;touch${IFS}pwned'$(id)`id`",
  clientId: "pcl_ci_abc",
  clientSecret: "pcl_cs_secret",
  signingSecret: "whsec_c2lnbmluZy1zZWNyZXQtb2YtMjQtYnl0ZXM=",
};

describe("gatewayStartCommand", () => {
  it("keeps secrets off the command line and passes every argument through the shell verbatim", () => {
    const command = gatewayStartCommand(options);
    const [exports, run] = [command.split("\nnpm run gateway -- ")[0], command.split("npm run gateway -- ")[1]];
    // What a shell makes of it: each argument on its own line, and the environment the gateway would see.
    const script = `${exports}\nprintargs() { for a in "$@"; do printf '%s\\n' "$a"; done; }\nprintargs ${run}\nprintf '%s\\n' "$GATEWAY_CLIENT_SECRET" "$GATEWAY_SIGNING_SECRET"`;
    const lines = execFileSync("sh", ["-c", script], { encoding: "utf8" }).trimEnd().split("\n");

    expect(run).not.toContain(options.clientSecret);
    expect(run).not.toContain(options.signingSecret);
    expect(lines).toEqual([
      "--port", "9000", "--host", "0.0.0.0", "--revoke-path", new URL(options.revokeUrl).pathname,
      "--upstream", "http://127.0.0.1:8080", "--key-manager", "https://portal.example", "--client-id", "pcl_ci_abc", "--ttl", "300",
      options.clientSecret, options.signingSecret,
    ]); // prettier-ignore
  });
});
