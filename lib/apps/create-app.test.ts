import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { introspectAs, makeUser, requestToken } from "@/lib/testing/factories";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createApp } from "./create-app";
import { listApps } from "./list-apps";
import { createAppSchema } from "./schemas.shared";
import { updateApp } from "./update-app";

const fieldErrors = (input: unknown) => {
  const parsed = createAppSchema.safeParse(input);

  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("createApp", () => {
  it("registers an app with a client whose secret is returned once and stored only as a hash", async () => {
    const owner = await makeUser();
    const created = await createApp({
      actor: { ...owner, ip: "203.0.113.9" },
      name: "  Weather  ",
      redirectUris: ["https://example.com/cb"],
    });

    expect(created.app).toMatchObject({
      name: "Weather",
      description: "",
      redirectUris: ["https://example.com/cb"],
      clientId: created.clientId,
    });
    expect(created.clientSecret).toMatch(/^pcl_cs_[A-Za-z0-9_-]{43}$/);
    const secrets = await db.clientSecret.findMany({ where: { clientId: created.clientId } });
    expect(secrets).toHaveLength(1);
    expect(secrets[0].secretHash).toBe(hashToken(created.clientSecret));
    expect(JSON.stringify(secrets)).not.toContain(created.clientSecret);
    expect(secrets[0].last4).toBe(created.clientSecret.slice(-4));
  });

  it("gives credentials that work at the token and introspection endpoints", async () => {
    const owner = await makeUser();
    const { clientId, clientSecret } = await createApp({ actor: owner, name: "Works" });
    const issued = await requestToken(clientId, clientSecret);

    expect(issued.status).toBe(200);
    expect(await introspectAs(clientId, clientSecret, issued.body.access_token!)).toMatchObject({ active: true, client_id: clientId });
  });

  it("records app.created and secret.generated with who and from where", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: { ...owner, ip: "198.51.100.7" }, name: "Audited" });
    const events = await db.auditEvent.findMany({ where: { appId: app.id }, orderBy: { createdAt: "asc" } });

    expect(events.map((e) => e.action).sort()).toEqual(["app.created", "secret.generated"]);
    expect(events.every((e) => e.actor === owner.email && e.actorId === owner.id && e.ip === "198.51.100.7")).toBe(true);
  });

  it("lists only the owner's apps", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    await createApp({ actor: a, name: "A's" });
    await createApp({ actor: b, name: "B's" });

    expect((await listApps({ actor: a })).apps.map((x) => x.name)).toEqual(["A's"]);
  });
});

describe("createApp and updateApp — one name per owner", () => {
  it("refuses a second application of the same name for the same owner, case and spaces aside, at create and at rename", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: owner, name: "Billing sync" });
    const taken = { code: "conflict", fields: { name: ['You already have an application named "Billing sync".'] } };

    await expect(createApp({ actor: owner, name: "  billing SYNC " })).rejects.toMatchObject(taken);
    const other = await createApp({ actor: owner, name: "Billing export" });
    await expect(updateApp({ appId: other.app.id, actor: owner, name: "Billing Sync" })).rejects.toMatchObject(taken);
    expect((await listApps({ actor: owner })).apps.map((a) => a.name).sort()).toEqual(["Billing export", "Billing sync"]);

    // Its own name in another case is a rename, not a clash; another owner's names are theirs.
    expect(await updateApp({ appId: app.id, actor: owner, name: "Billing Sync" })).toMatchObject({ name: "Billing Sync" });
    await expect(createApp({ actor: await makeUser(), name: "Billing sync" })).resolves.toMatchObject({ app: { name: "Billing sync" } });
  });
});

describe("createAppSchema", () => {
  it("accepts https URLs and http only on a loopback host", () => {
    const ok = ["https://app.example.com/callback?x=1", "http://localhost:8080/cb", "http://127.0.0.1/cb"];

    expect(createAppSchema.parse({ name: "x", redirectUris: ok }).redirectUris).toEqual(ok);
  });

  it.each([
    ["/relative/path", "absolute URL"],
    ["http://example.com/cb", "localhost"],
    ["ftp://example.com/file", "https"],
    ["https://example.com/cb#frag", "fragment"],
    ["not a url", "absolute URL"],
  ])("rejects %s with a message on that URI", (uri, message) => {
    expect(fieldErrors({ name: "x", redirectUris: ["https://fine.example/cb", uri] }).redirectUris?.join(" ")).toContain(message);
  });

  it("names the field for a missing or over-long name", () => {
    expect(fieldErrors({ name: "   " }).name).toEqual(["Give the application a name."]);
    expect(fieldErrors({ name: "n".repeat(81) }).name).toEqual(["Use at most 80 characters."]);
    expect(fieldErrors({}).name).toBeDefined();
  });
});
