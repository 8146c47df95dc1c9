import { createApp } from "@/lib/apps/create-app";
import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { db } from "@/lib/data/db/client";
import { makeUser } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cli, cliJson as json } from "./testing/run-cli";

const listed = async (name: string) => ((await json("gateways", "list")).gateways as { name: string }[]).find((g) => g.name === name);

describe("portcullis gateways", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  const name = `cli-gw-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    receiver = await startNoticeReceiver();
  });
  afterAll(async () => {
    await db.gateway.deleteMany({ where: { name } }); // a failed run must not leave a gateway that hears other tests' notices
    await receiver.close();
  });

  it("adds, lists with health, disables, enables, redelivers and removes a gateway", { timeout: 90_000 }, async () => {
    const added = await json("gateways", "add", "--name", name, "--revoke-url", receiver.url, "--environment", "sandbox");
    expect(added).toEqual({
      gateway_id: expect.any(String),
      client_id: expect.any(String),
      client_secret: expect.any(String),
      signing_secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/),
    });
    expect(await listed(name)).toMatchObject({
      id: added.gateway_id,
      environment: "sandbox",
      revoke_url: receiver.url,
      enabled: true,
      state: "awaiting", // no heartbeat has reached it yet
      pending: 0,
      failed: 0,
    });
    expect(JSON.stringify(await json("gateways", "list"))).not.toContain(added.signing_secret);

    expect(await json("gateways", "disable", "--name", name)).toEqual({ gateway_id: added.gateway_id, name, enabled: false });
    expect(await listed(name)).toMatchObject({ enabled: false, state: "disabled", state_detail: { kind: "disabled", held: 0 } });
    expect(await json("gateways", "enable", "--name", name)).toEqual({ gateway_id: added.gateway_id, name, enabled: true });

    // A delivery that gave up, as after the retry window's refusals: redeliver sends it again before the command returns.
    const owner = await makeUser();
    const app = await createApp({ actor: owner, name: "CLI redelivery" });
    const { tokenId } = await generateAppToken({ appId: app.app.id, actor: owner });
    await revokeAppGrant({ appId: app.app.id, tokenId, actor: owner });
    await eventually(() => db.delivery.count({ where: { gatewayId: added.gateway_id, status: "delivered" } }));
    await db.delivery.updateMany({ where: { gatewayId: added.gateway_id }, data: { status: "failed", deliveredAt: null } });
    expect(await listed(name)).toMatchObject({ failed: 1 });
    const before = receiver.received.length;
    expect(await json("gateways", "redeliver", "--name", name)).toEqual({ queued: 1, acknowledged: 1 });
    expect(receiver.received.length).toBe(before + 1);
    expect(await listed(name)).toMatchObject({ failed: 0, pending: 0, last_success_at: expect.any(String) });
    expect(await json("gateways", "redeliver", "--name", name)).toEqual({ queued: 0, acknowledged: 0 });

    expect(await json("gateways", "remove", "--name", name)).toEqual({ gateway_id: added.gateway_id, removed: true });
    expect(await listed(name)).toBeUndefined();
  });

  it("exits 1 with a readable message for a duplicate name, a bad URL or an unknown gateway", { timeout: 60_000 }, async () => {
    const taken = `cli-dup-${randomUUID().slice(0, 8)}`;
    await json("gateways", "add", "--name", taken, "--revoke-url", "https://gw.example.com/portcullis/revoke");
    try {
      const duplicate = await cli("gateways", "add", "--name", taken, "--revoke-url", "https://other.example.com/revoke", "--json");
      expect(duplicate).toMatchObject({ code: 1, stdout: "" });
      expect(duplicate.stderr).toContain("name: A gateway with this name exists.");
      const badUrl = await cli("gateways", "add", "--name", `${taken}-2`, "--revoke-url", "not a url", "--json");
      expect(badUrl).toMatchObject({ code: 1, stdout: "" });
      expect(badUrl.stderr).toMatch(/revokeUrl: Enter an http\(s\) URL/);
      for (const verb of ["disable", "enable", "remove", "redeliver"]) {
        const unknown = await cli("gateways", verb, "--name", "no-such-gateway", "--json");
        expect(unknown).toMatchObject({ code: 1, stdout: "" });
        expect(unknown.stderr).toContain("No gateway named no-such-gateway.");
      }
    } finally {
      await db.gateway.deleteMany({ where: { name: taken } });
    }
  });

  it("refuses a private revoke URL while private addresses are refused, naming the rule (issue 26, L8)", { timeout: 60_000 }, async () => {
    const refused = `cli-private-${randomUUID().slice(0, 8)}`;
    try {
      vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "refuse");
      const explicit = await cli("gateways", "add", "--name", refused, "--revoke-url", "http://10.0.0.7/portcullis/revoke", "--json");
      expect(explicit).toMatchObject({ code: 1, stdout: "" });
      expect(explicit.stderr).toContain(
        "revokeUrl: 10.0.0.7 is a loopback or private address (PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES=refuse): notices may not go there. " +
          "Register a public address, or set PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES=allow.",
      );
      vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "");
      vi.stubEnv("PORTCULLIS_ISSUER", "https://portal.example.com");
      const byDefault = await cli(
        "gateways",
        "add",
        "--name",
        refused,
        "--revoke-url",
        "http://localhost:8080/portcullis/revoke",
        "--json",
      );
      expect(byDefault).toMatchObject({ code: 1, stdout: "" });
      expect(byDefault.stderr).toMatch(
        /revokeUrl: localhost → \S+ is a loopback or private address \(PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES unset: refuse, as the issuer is https\)/,
      );
      expect(await db.gateway.count({ where: { name: refused } })).toBe(0);
    } finally {
      vi.unstubAllEnvs();
      await db.gateway.deleteMany({ where: { name: refused } });
    }
  });
});
