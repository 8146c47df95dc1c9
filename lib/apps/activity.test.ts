import { listEvents } from "@/lib/audit/list-events";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { makeUser } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { deleteApp } from "./delete-app";

describe("listEvents", () => {
  it("gives an owner their application's trail, newest first, with who, what, when and IP", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: { ...owner, ip: "192.0.2.20" }, name: "Trail" });
    await generateAppToken({ appId: app.id, actor: { ...owner, ip: "192.0.2.21" } });
    await rotateClientSecret({ appId: app.id, actor: { ...owner, ip: "192.0.2.22" }, overlap: "1h" });
    const { events } = await listEvents({ appId: app.id, actor: owner });

    expect(events[0]).toMatchObject({ action: "secret.regenerated", actor: owner.email, ip: "192.0.2.22", appName: "Trail" });
    expect(events.map((e) => e.action)).toEqual(["secret.regenerated", "token.generated", expect.any(String), expect.any(String)]);
    expect(events.map((e) => e.createdAt)).toEqual([...events.map((e) => e.createdAt)].sort().reverse());
  });

  it("refuses the all-applications trail to a subscriber", async () => {
    await expect(listEvents({ actor: await makeUser() })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives an admin every application's trail, deleted applications included", async () => {
    const [owner, admin] = [await makeUser(), await makeUser("admin")];
    const { app } = await createApp({ actor: owner, name: "Deleted later" });
    await deleteApp({ appId: app.id, actor: owner, confirmName: "Deleted later" });

    const { events: everything } = await listEvents({ actor: admin });
    expect(everything.find((e) => e.appId === app.id && e.action === "app.deleted")).toMatchObject({ appName: "Deleted later" });
    expect((await listEvents({ actor: admin, appId: app.id })).events.length).toBeGreaterThanOrEqual(3);
    await expect(listEvents({ actor: owner, appId: app.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
