import { AppError } from "@/lib/base/errors.shared";
import { hashToken } from "@/lib/base/hash-token";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { buildTokens } from "./build-token";

const client = { id: "pcl_ci_builder", ownerId: "owner-1" };
const NOW = Date.parse("2026-12-01T10:00:00Z");

describe("buildTokens", () => {
  it("makes an opaque access token that is its own grant, keeping only its hash, prefix and last 4", async () => {
    const { accessTokenTtl } = await readTokenPolicy();
    const { access, refresh, expiresIn, rows } = await buildTokens({ client, scope: ["read", "write"], now: NOW });

    expect(access.value).toMatch(/^pcl_at_[\w-]{43}$/);
    expect(access.row).toMatchObject({
      hash: hashToken(access.value),
      prefix: "pcl_at_",
      last4: access.value.slice(-4),
      type: "access_token",
      clientId: client.id,
      subscriber: "owner-1",
      grantId: access.row.id,
      scope: "read write",
      createdAt: NOW,
      expiresAt: NOW + accessTokenTtl * 1000,
      userId: null,
      source: "token_endpoint",
      note: null,
    });
    expect(JSON.stringify(access.row)).not.toContain(access.value);
    expect([expiresIn, refresh, rows]).toEqual([accessTokenTtl, null, [access.row]]);
  });

  it("makes a person's pair in one family: an RFC 9068 JWT when the application chose it, and an opaque refresh token", async () => {
    const refreshExpiresAt = NOW + 3_600_000 * 24;
    const { access, refresh, rows } = await buildTokens({
      client: { ...client, tokenFormat: "jwt" },
      userId: "person-1",
      grantId: "family-1",
      refresh: true,
      refreshExpiresAt,
      issuedFrom: "old-refresh",
      now: NOW,
    });

    expect(access.row.prefix).toBe("eyJ");
    expect(decodeJwt(access.value)).toMatchObject({ jti: access.row.id, sub: "person-1", client_id: client.id });
    expect(refresh!.value).toMatch(/^pcl_rt_/);
    expect(refresh!.row).toMatchObject({ type: "refresh_token", expiresAt: refreshExpiresAt, hash: hashToken(refresh!.value) });
    for (const row of rows) expect(row).toMatchObject({ grantId: "family-1", userId: "person-1", issuedFrom: "old-refresh" });
  });

  it("carries a generated token's source and note, and refuses a longer life than allowed", async () => {
    const { accessTokenMaxTtl } = await readTokenPolicy();
    const { access, expiresIn } = await buildTokens({ client, ttlSeconds: 60, source: "browser", note: "smoke tests", now: NOW });

    expect([expiresIn, access.row.expiresAt, access.row.source, access.row.note]).toEqual([60, NOW + 60_000, "browser", "smoke tests"]);
    await expect(buildTokens({ client, ttlSeconds: accessTokenMaxTtl + 1 })).rejects.toBeInstanceOf(AppError);
  });
});
