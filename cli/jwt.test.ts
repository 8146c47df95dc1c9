import { db } from "@/lib/data/db/client";
import { createTestApi, createTestApp } from "@/lib/testing/factories";
import { describe, expect, it } from "vitest";
import { cli, cliJson as json, OPERATOR } from "./testing/run-cli";

describe("portcullis keys, apps update --token-format, apis update --backend-jwt", () => {
  it("lists and rotates signing keys; a bad overlap is refused and nothing changes", { timeout: 60_000 }, async () => {
    const { keys } = (await json("keys", "list")) as { keys: { kid: string; state: string }[] };
    expect(keys.some((k) => k.state === "current")).toBe(true);
    // Other test files rotate in parallel: count this file's (the CLI's) rotations, not the keys.
    const rotations = () => db.auditEvent.count({ where: { action: "signing_key.rotated", actor: OPERATOR } });
    const count = await rotations();
    const bad = await cli("keys", "rotate", "--overlap", "-1");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/overlapSeconds: At least 0 seconds\./);
    const badAlg = await cli("keys", "rotate", "--alg", "HS256");
    expect(badAlg.code).toBe(1);
    expect(badAlg.stderr).toMatch(/Choose ES256 or RS256/);
    expect(await rotations()).toBe(count);
    const rotated = (await json("keys", "rotate", "--overlap", "120")) as { kid: string; replaced: string[] };
    expect(rotated.replaced.length).toBeGreaterThan(0);
    expect(
      await db.auditEvent.count({ where: { action: "signing_key.rotated", actor: OPERATOR, detail: { contains: rotated.kid } } }),
    ).toBe(1);
  });

  it("switches an application to JWT access tokens, refusing an unknown format", { timeout: 60_000 }, async () => {
    const { clientId, app } = await createTestApp();
    const bad = await cli("apps", "update", "--client-id", clientId, "--token-format", "paseto");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--token-format: use opaque or jwt/);
    expect(await json("apps", "update", "--client-id", clientId, "--token-format", "jwt")).toEqual({
      client_id: clientId,
      token_format: "jwt",
    });
    expect((await db.app.findUniqueOrThrow({ where: { id: app!.id } })).tokenFormat).toBe("jwt");
    const issued = (await json("tokens", "issue", "--client-id", clientId)) as { access_token: string };
    expect(issued.access_token).toMatch(/^eyJ/);
  });

  it("turns JWT to the backend on for an API version", { timeout: 60_000 }, async () => {
    const { ref } = await createTestApi();
    const api = `${ref.context}:${ref.version}`;
    expect(await json("apis", "update", "--api", api, "--backend-jwt", "on")).toMatchObject({ api, backend_jwt: "on" });
    const bad = await cli("apis", "update", "--api", api, "--backend-jwt", "yes");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/use on, off or default/);
  });
});
