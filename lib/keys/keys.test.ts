import { db } from "@/lib/data/db/client";
import { jwksEndpoint } from "@/lib/doors/oauth/jwks";
import { ACTIVATION_DELAY_MS, KEY_RELOAD_MS, publishedKeys, reloadKeyRing, signingKey } from "@/lib/engine/keys/key-ring";
import { makeUser, oauth, TEST_ADMIN } from "@/lib/testing/factories";
import { webHandler } from "@/lib/testing/web-handler";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { listSigningKeys } from "./list-signing-keys";
import { rotateSigningKey } from "./rotate-signing-key";

const jwks = webHandler(jwksEndpoint, () => {});
const kids = async () =>
  ((await (await jwks(new Request("http://localhost/oauth2/jwks"))).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

// The database is shared by the test files: these tests read the keys relative to what they find.
describe("signing keys", () => {
  it("makes a first key on first need, publishes it at /oauth2/jwks and names the JWKS in the metadata", async () => {
    const key = await signingKey();
    expect(["ES256", "RS256"]).toContain(key.alg);
    expect(await kids()).toContain(key.kid);
    const res = await jwks(new Request("http://localhost/oauth2/jwks"));
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const published = ((await res.json()) as { keys: Record<string, unknown>[] }).keys;
    for (const k of published) expect(k).not.toHaveProperty("d"); // public halves only
    const metadata = await (await oauth.metadata(new Request("http://localhost/.well-known/oauth-authorization-server"))).json();
    expect(metadata.jwks_uri).toMatch(/\/oauth2\/jwks$/);
  });

  it("stores the private key sealed, never as PEM", async () => {
    const { kid } = await signingKey();
    const row = await db.signingKey.findUniqueOrThrow({ where: { id: kid } });
    expect(row.privateKey).toMatch(/^v1\./);
    expect(row.privateKey).not.toContain("PRIVATE KEY");
  });

  it("rotates with an overlap: the new key is published at once and signs after the activation delay; the old one stays for the overlap", async () => {
    const before = await signingKey();
    const now = Date.now();
    const rotated = await rotateSigningKey({ actor: TEST_ADMIN, overlapSeconds: 600, alg: "RS256", now });
    expect(await kids()).toEqual(expect.arrayContaining([before.kid, rotated.kid]));
    expect((await signingKey(now + 1_000)).kid).toBe(before.kid); // other instances may not list it yet
    const after = await signingKey(now + ACTIVATION_DELAY_MS);
    expect(after).toMatchObject({ kid: rotated.kid, alg: "RS256" });
    const listed = async (at: number) => (await publishedKeys(at)).map((k) => k.kid);
    expect(await listed(now + ACTIVATION_DELAY_MS + 599_000)).toEqual(expect.arrayContaining([before.kid, rotated.kid]));
    expect(await listed(now + ACTIVATION_DELAY_MS + 601_000)).not.toContain(before.kid);
    const states = await listSigningKeys({ actor: TEST_ADMIN, at: now + ACTIVATION_DELAY_MS });
    expect(states.find((k) => k.kid === rotated.kid)?.state).toBe("current");
    expect(states.find((k) => k.kid === before.kid)?.state).toBe("previous");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "signing_key.rotated", detail: { contains: rotated.kid } } });
    expect(JSON.parse(audit.detail)).toMatchObject({
      kid: rotated.kid,
      alg: "RS256",
      overlapSeconds: 600,
      replaced: expect.arrayContaining([before.kid]),
    });
    expect(audit.actor).toBe(TEST_ADMIN.email);
  });

  it("refuses a bad overlap or algorithm with field errors, and anyone but an admin", async () => {
    const count = await db.signingKey.count();
    await expect(rotateSigningKey({ actor: TEST_ADMIN, overlapSeconds: -1 })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["overlapSeconds"], message: "At least 0 seconds." })],
    });
    await expect(rotateSigningKey({ actor: TEST_ADMIN, overlapSeconds: "soon" as unknown as number })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["overlapSeconds"] })],
    });
    await expect(rotateSigningKey({ actor: TEST_ADMIN, alg: "none" as "ES256" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["alg"], message: "Choose ES256 or RS256." })],
    });
    await expect(rotateSigningKey({ actor: await makeUser() })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.signingKey.count()).toBe(count);
  });

  it("picks up a rotation made by another process (the CLI) within the reload interval", async () => {
    await publishedKeys(); // this instance has read the keys
    const { stdout } = await promisify(execFile)("node", ["bin/portcullis.mjs", "keys", "rotate", "--overlap", "60", "--json"], {
      env: process.env,
    });
    const { kid } = JSON.parse(stdout) as { kid: string };
    await new Promise((r) => setTimeout(r, KEY_RELOAD_MS + 100));
    expect((await publishedKeys()).map((k) => k.kid)).toContain(kid);
    reloadKeyRing();
  }, 30_000);
});
