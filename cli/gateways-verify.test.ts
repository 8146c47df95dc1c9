import { db } from "@/lib/data/db/client";
import { freePort, startGatewayProcess } from "@/lib/testing/gateway-process";
import { startFront } from "@/lib/testing/http/raw-http";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cli, cliJson as json } from "./testing/run-cli";

// The compiled bin runs the canary itself: its token, its revocation's notice, its polling (README, "Canary").
let front: Awaited<ReturnType<typeof startFront>>;
let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
const names: string[] = [];
const processes: { kill: () => Promise<void> }[] = [];

beforeAll(async () => {
  vi.stubEnv("PORTCULLIS_CANARY_TIMEOUT_MS", "1500");
  [front, upstream, receiver] = await Promise.all([startFront(), startEchoUpstream(), startNoticeReceiver()]);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(processes.map((p) => p.kill()));
  await db.gateway.deleteMany({ where: { name: { in: names } } });
  await Promise.all([front.close(), upstream.close(), receiver.close()]);
});

/** `gateways add --canary-url`, and a reference gateway process with the credentials it printed. */
async function addGateway({ revokeUrl }: { revokeUrl?: string } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const name = `cli-canary-${randomUUID().slice(0, 8)}`;
  names.push(name);
  const added = await json(
    "gateways",
    "add",
    "--name",
    name,
    "--revoke-url",
    revokeUrl ?? `${url}/portcullis/revoke`,
    "--canary-url",
    `${url}/_gateway/canary`,
  );
  const creds = { clientId: added.client_id, clientSecret: added.client_secret, signingSecret: added.signing_secret };
  processes.push(
    await startGatewayProcess({ port, keyManager: `http://127.0.0.1:${front.port}`, upstream: upstream.url, creds, extra: ["--quiet"] }),
  );

  return { name, id: added.gateway_id as string, url };
}

describe("portcullis gateways verify", () => {
  it("prints the outcome and the refusal time, by name or id, and the list shows the newest run", { timeout: 90_000 }, async () => {
    const { name, id, url } = await addGateway();
    const byName = await cli("gateways", "verify", name, "--json");
    expect(byName).toMatchObject({ code: 0, stderr: "" });
    const printed = JSON.parse(byName.stdout);
    expect(printed).toMatchObject({ outcome: "passed", refusal_ms: expect.any(Number), admitted_status: 200, refused_status: 401 });
    expect(printed.summary).toBe(`Passed: refused ${printed.refusal_ms.toLocaleString("en")} ms after the revocation.`);
    console.log(`canary refusal time through the CLI: ${printed.refusal_ms} ms`);

    const byId = await cli("gateways", "verify", id);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toMatch(/^outcome\s+passed$/m);
    const listed = (await json("gateways", "list")).gateways.find((g: { name: string }) => g.name === name);
    expect(listed).toMatchObject({ canary_url: `${url}/_gateway/canary`, canary: "passed", canary_refusal_ms: expect.any(Number) });
  });

  it("exits 3 with the outcome when the gateway acknowledges the notice and keeps admitting", { timeout: 90_000 }, async () => {
    const { name } = await addGateway({ revokeUrl: receiver.url });
    const failed = await cli("gateways", "verify", name, "--json");
    expect(failed.code).toBe(3);
    expect(JSON.parse(failed.stdout)).toMatchObject({ outcome: "still_admitting", refusal_ms: null, acknowledged: true });
  });

  it("exits 1 for an unknown gateway and one without a canary URL; update sets and clears the URL", { timeout: 60_000 }, async () => {
    expect(await cli("gateways", "verify", "no-such-gateway")).toMatchObject({
      code: 1,
      stderr: "error: No gateway named no-such-gateway.\n",
    });
    const name = `cli-canary-${randomUUID().slice(0, 8)}`;
    names.push(name);
    await json("gateways", "add", "--name", name, "--revoke-url", "http://127.0.0.1:9/portcullis/revoke");
    const none = await cli("gateways", "verify", name);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("canary URL");
    expect(await json("gateways", "update", "--name", name, "--canary-url", "http://127.0.0.1:9/_gateway/canary")).toMatchObject({
      canary_url: "http://127.0.0.1:9/_gateway/canary",
    });
    expect(await json("gateways", "update", "--name", name, "--canary-url", "")).toMatchObject({ canary_url: null });
  });
});
