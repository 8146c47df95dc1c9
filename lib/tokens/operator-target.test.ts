import { TEST_OPERATOR } from "@/lib/testing/factories";
import { describe, expect, it } from "vitest";
import { reapproveToken } from "./reapprove-token";
import { revokeByOperator } from "./revoke-by-operator";

// Issue 23 B7: an operator's typo answered "0 tokens changed; gateways notified", as if it had worked.
describe("a token an operator names that does not exist", () => {
  it("is not_found on the field that named it, for a revocation and a re-approval", async () => {
    for (const change of [revokeByOperator, reapproveToken]) {
      await expect(change({ token: "pcl_at_made-up", actor: TEST_OPERATOR })).rejects.toMatchObject({
        code: "not_found",
        fields: { token: [expect.stringMatching(/^No token has this value/)] },
      });
      await expect(change({ tokenId: "no-such-id", actor: TEST_OPERATOR })).rejects.toMatchObject({
        code: "not_found",
        fields: { tokenId: [expect.any(String)] },
      });
    }
  });
});
