import { newSigningSecret, signNotice } from "@/lib/engine/notices/sign-notice";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";

describe("signNotice", () => {
  it("produces headers that the standardwebhooks package verifies", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: "token.revoked", data: { sequence: 1, tokens: [] } });
    const headers = signNotice({ id: "evt_1", secrets: [secret], body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("signs with every secret during a rotation, so either verifies", () => {
    const [oldSecret, newSecret] = [newSigningSecret(), newSigningSecret()];
    const headers = signNotice({ id: "evt_2", secrets: [newSecret, oldSecret], body: "{}" });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify("{}", headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify("{}", headers)).not.toThrow();
    expect(() => new Webhook(newSigningSecret()).verify("{}", headers)).toThrow();
  });
});
