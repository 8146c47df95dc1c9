import { makeUser } from "@/lib/testing/factories";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { listApps } from "./list-apps";

describe("listApps", () => {
  it("pages an owner's 34 applications with a total, searches names in any case, and sorts by name", async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    for (let i = 0; i < 34; i++) await createApp({ actor: owner, name: `${i % 2 ? "Billing" : "orders"} ${String(i).padStart(2, "0")}` });
    await createApp({ actor: other, name: "Billing of someone else" });

    const first = await listApps({ actor: owner, limit: 20 });
    const second = await listApps({ actor: owner, limit: 20, cursor: first.nextCursor! });
    expect([first.total, first.apps.length, second.apps.length, second.nextCursor]).toEqual([34, 20, 14, null]);
    expect(new Set([...first.apps, ...second.apps].map((a) => a.id)).size).toBe(34);

    const billing = await listApps({ actor: owner, q: "BILLING" });
    expect(billing.total).toBe(17);
    expect(billing.apps.every((a) => a.name.startsWith("Billing"))).toBe(true);

    const byName = await listApps({ actor: owner, sort: "name", limit: 10 });
    const rest = await listApps({ actor: owner, sort: "name", limit: 30, cursor: byName.nextCursor! });
    const names = [...byName.apps, ...rest.apps].map((a) => a.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(34);
  });
});
