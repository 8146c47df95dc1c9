import { formRequest } from "@/lib/testing/factories";
import { webHandler } from "@/lib/testing/web-handler";
import { describe, expect, it } from "vitest";
import { tokenEndpoint } from "./token";

const token = webHandler(tokenEndpoint, () => {});

describe("OAuth error descriptions", () => {
  it("keep to RFC 6749 §5.2's characters (no \", no \\, ASCII only), even when they quote the request", async () => {
    for (const name of ['a"b', "c\\d", "é\u0000\u2028"]) {
      const body = `${encodeURIComponent(name)}=1&${encodeURIComponent(name)}=2&grant_type=client_credentials`;
      const res = await token(formRequest("/oauth2/token", {}, { body }));
      const { error, error_description } = await res.json();

      expect(res.status).toBe(400);
      expect(error).toBe("invalid_request");
      expect(error_description).toMatch(/^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/);
    }
  });
});
