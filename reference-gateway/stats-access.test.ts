import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "./basic-auth";
import { CLIENT, startStack } from "./testing/harness";

// An address of this machine that is not loopback, to reach the gateway as another host would.
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

describe("/_gateway/stats", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  beforeAll(async () => {
    stack = await startStack({ host: "0.0.0.0" });
  });
  afterAll(() => stack.close());

  const stats = (host: string, headers: Record<string, string> = {}) =>
    fetch(`http://${host}:${new URL(stack.url).port}/_gateway/stats`, { headers });

  it("answers the machine itself", async () => {
    expect((await stats("127.0.0.1")).status).toBe(200);
  });

  it.skipIf(!external)("answers another host only with the gateway's own credentials", async () => {
    const refused = await stats(external!);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain("evictions");
    expect((await stats(external!, { authorization: basicAuth(CLIENT.clientId, "wrong") })).status).toBe(401);

    expect((await stats(external!, { authorization: basicAuth(CLIENT.clientId, CLIENT.clientSecret) })).status).toBe(200);
  });
});
