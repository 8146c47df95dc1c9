import type { ChangedToken } from "@/lib/base/queued-notices";
import { describe, expect, it } from "vitest";
import { batchIntoEvents } from "./split-events";

const token = (id: string): ChangedToken => ({ id, hash: `h${id}`, type: "access_token", clientId: "c", expiresAt: 1_000 + Number(id) });
const tokens = (from: number, count: number) => Array.from({ length: count }, (_, i) => token(String(from + i)));

describe("a batch's events", () => {
  it("puts consecutive changes of one type into shared events of at most 500 tokens, each naming the changes it carries", () => {
    const events = batchIntoEvents([
      { type: "token.revoked", tokens: tokens(0, 300) },
      { type: "token.revoked", tokens: tokens(300, 300) },
      { type: "token.revoked", tokens: [] },
    ]);

    expect(events.map((e) => [e.type, e.tokenIds.length, e.changes])).toEqual([
      ["token.revoked", 500, [0, 1]],
      ["token.revoked", 100, [1]],
    ]);
    expect(events[1].expiresAt).toBe(1_599);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
  });

  it("keeps the order of a revocation, a re-approval and a revocation of one token: three events, so the last is what gateways keep", () => {
    const events = batchIntoEvents([
      { type: "token.revoked", tokens: [token("1")] },
      { type: "token.updated", tokens: [token("1")] },
      { type: "token.revoked", tokens: [token("1")] },
    ]);

    expect(events.map((e) => [e.type, e.changes])).toEqual([
      ["token.revoked", [0]],
      ["token.updated", [1]],
      ["token.revoked", [2]],
    ]);
  });
});
