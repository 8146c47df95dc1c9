import { db } from "@/lib/data/db/client";
import { deliverNotice } from "@/lib/engine/notices/deliver-notice";
import { createGatewaySchema } from "@/lib/gateways/schemas.shared";
import { sendTestNotice } from "@/lib/gateways/send-test-notice";
import { createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { refusedAddress } from "./assert-gateway-url";

let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
beforeAll(async () => {
  receiver = await startNoticeReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  delete process.env.PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES;
});

const send = (url: string) => deliverNotice({ url, id: "evt_test", secrets: ["whsec_" + "a".repeat(32)], body: "{}" });

describe("gateway revoke URLs", () => {
  it("refuses credentials in the URL and literal link-local or metadata hosts at registration", () => {
    const fieldErrors = (revokeUrl: string) => createGatewaySchema.safeParse({ name: "gw", revokeUrl }).error?.issues.map((i) => i.message);

    expect(fieldErrors("https://user:pass@gw.example/portcullis/revoke")).toEqual([expect.stringMatching(/credentials/)]);
    for (const host of ["169.254.169.254", "[fe80::1]", "metadata.google.internal"]) {
      expect(fieldErrors(`http://${host}/latest`)).toEqual([expect.stringMatching(/metadata/)]);
    }
    expect(fieldErrors("http://10.0.0.7:8080/portcullis/revoke")).toBeUndefined();
  });

  it("classifies addresses: link-local and metadata always, loopback and private only when the operator says so", () => {
    for (const ip of [
      "169.254.169.254",
      "169.254.0.1",
      "fe80::1",
      "::ffff:169.254.169.254",
      "fd00:ec2::254",
      "100.100.100.200",
      "0.0.0.0",
    ]) {
      expect(refusedAddress(ip)).toMatch(/link-local or metadata/);
    }
    expect(refusedAddress("127.0.0.1")).toBeNull();
    process.env.PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES = "refuse";
    for (const ip of ["127.0.0.1", "::1", "10.1.2.3", "192.168.1.1", "172.20.0.1", "fd12::1", "::ffff:10.0.0.1"]) {
      expect(refusedAddress(ip)).toMatch(/loopback or private/);
    }
    expect(refusedAddress("203.0.113.9")).toBeNull();
  });

  it("sends nothing to a link-local or metadata address, answering at once", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://[fe80::1]/x", "http://[::ffff:169.254.169.254]/x"]) {
      const started = Date.now();

      expect(await send(url)).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/^refused: .*metadata/) });
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it("checks the address a name resolves to at send time: localhost is refused when private addresses are", async () => {
    const byName = receiver.url.replace("127.0.0.1", "localhost");
    expect(await send(byName)).toMatchObject({ ok: true });
    const before = receiver.received.length;

    process.env.PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES = "refuse";
    expect(await send(byName)).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: localhost → .* loopback or private/) });
    expect(receiver.received.length).toBe(before);
  });

  it("a test notice reports acknowledged, or why not; the URL policy refuses before any connection", async () => {
    const closed = await createTestGateway("http://127.0.0.1:9/portcullis/revoke"); // discard port: nothing listens
    const open = await createTestGateway(receiver.url);

    try {
      expect(await sendTestNotice({ gatewayId: closed.gateway.id, actor: TEST_ADMIN })).toEqual({
        ok: false,
        failure: "ECONNREFUSED: nothing listens at the revoke URL; check the URL and that the gateway runs",
      });
      expect(await sendTestNotice({ gatewayId: open.gateway.id, actor: TEST_ADMIN })).toEqual({ ok: true, failure: null });
      receiver.setMode("unsigned");
      expect(await sendTestNotice({ gatewayId: open.gateway.id, actor: TEST_ADMIN })).toMatchObject({
        failure: expect.stringMatching(/^HTTP 401: the gateway refused the signature/),
      });
      receiver.setMode("fail");
      expect(await sendTestNotice({ gatewayId: open.gateway.id, actor: TEST_ADMIN })).toMatchObject({ failure: "HTTP 500" });
      receiver.setMode("ok");
      process.env.PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES = "refuse";
      const before = receiver.received.length;
      expect(await sendTestNotice({ gatewayId: open.gateway.id, actor: TEST_ADMIN })).toMatchObject({
        ok: false,
        failure: expect.stringMatching(/^refused: 127\.0\.0\.1 .*loopback or private/),
      });
      expect(receiver.received.length).toBe(before);
    } finally {
      await db.gateway.deleteMany({ where: { id: { in: [closed.gateway.id, open.gateway.id] } } }); // other tests count every gateway's deliveries
    }
  });
});
