import { getEnv } from "@/lib/base/env";
import { db } from "@/lib/data/db/client";
import { refusedAddress } from "@/lib/engine/notices/assert-gateway-url";
import { TEST_ADMIN } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createGateway } from "./create-gateway";
import { updateGateway } from "./update-gateway";

// Issue 26, L8: while private addresses are refused, a gateway at one was registered and then refused at every
// send. Now registration refuses it with a field error naming the rule; an https issuer refuses by default.
afterEach(() => vi.unstubAllEnvs());

const name = () => `gw-target-${randomUUID().slice(0, 8)}`;
const register = (revokeUrl: string) => createGateway({ actor: TEST_ADMIN, name: name(), revokeUrl });
/** Registers, expects it taken, and removes it at once: other test files count every gateway's deliveries. */
async function expectTaken(revokeUrl: string) {
  const { gateway } = await register(revokeUrl);
  await db.gateway.delete({ where: { id: gateway.id } });
}

describe("a gateway's revoke URL at registration", () => {
  it("refuses loopback and private targets, literal or by name, with a field error, while the operator refuses them", async () => {
    vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "refuse");
    const before = await db.gateway.count();
    for (const url of [
      "http://127.0.0.1:8080/portcullis/revoke",
      "http://10.0.0.7/portcullis/revoke",
      "https://192.168.1.20/revoke",
      "http://[::1]:8080/revoke",
      "http://[::ffff:172.20.0.1]/revoke",
      "http://localhost:8080/portcullis/revoke", // a name: refused for what it resolves to
    ]) {
      const refused = register(url);
      await expect(refused, url).rejects.toMatchObject({
        code: "bad_request",
        fields: { revokeUrl: [expect.stringMatching(/loopback or private address \(PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES=refuse\)/)] },
      });
      await expect(refused).rejects.toThrow(/Register a public address, or set PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES=allow\.$/);
    }
    await expect(register("http://localhost:8080/x")).rejects.toThrow(/^localhost → (127\.0\.0\.1|::1) is a loopback/);
    expect(await db.gateway.count()).toBe(before);
    await expectTaken("https://203.0.113.9/portcullis/revoke"); // a public address
  });

  it("refuses re-pointing a gateway there, and leaves it as it was", async () => {
    const { gateway } = await register("https://203.0.113.10/portcullis/revoke");
    try {
      vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "refuse");
      await expect(updateGateway({ gatewayId: gateway.id, actor: TEST_ADMIN, revokeUrl: "http://10.1.2.3/revoke" })).rejects.toMatchObject({
        code: "bad_request",
        fields: { revokeUrl: [expect.stringMatching(/^10\.1\.2\.3 is a loopback or private address/)] },
      });
      expect(await db.gateway.findUniqueOrThrow({ where: { id: gateway.id }, select: { revokeUrl: true } })).toEqual({
        revokeUrl: "https://203.0.113.10/portcullis/revoke",
      });
      await updateGateway({ gatewayId: gateway.id, actor: TEST_ADMIN, name: name() }); // the URL it has is not checked again
    } finally {
      await db.gateway.delete({ where: { id: gateway.id } });
    }
  });

  it("refuses them by default when the issuer is https, and allows them when it is http or the operator allows", async () => {
    vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "");
    vi.stubEnv("PORTCULLIS_ISSUER", "https://portal.example.com");
    await expect(register("http://10.0.0.7/portcullis/revoke")).rejects.toMatchObject({
      fields: { revokeUrl: [expect.stringMatching(/\(PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES unset: refuse, as the issuer is https\)/)] },
    });
    expect(refusedAddress("10.0.0.7")).toMatch(/as the issuer is https/); // and at send time, naming the same rule

    vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "allow");
    await expectTaken("http://10.0.0.7/portcullis/revoke");
    vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "");
    vi.stubEnv("PORTCULLIS_ISSUER", "http://localhost:3000");
    await expectTaken("http://127.0.0.1:9/portcullis/revoke");
  });

  it("names the setting when it holds neither allow nor refuse", () => {
    vi.stubEnv("PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES", "yes");
    expect(() => getEnv()).toThrow(/PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES/);
  });
});
