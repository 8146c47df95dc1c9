import { db } from "@/lib/data/db/client";
import { describe, expect, it } from "vitest";
import { loadSessionSecret, SESSION_SECRET_KEY } from "./session-secret";

describe("loadSessionSecret", () => {
  it("keeps the session-signing secret sealed in the settings table, never in clear", async () => {
    const secret = await loadSessionSecret();
    const { value } = await db.setting.findUniqueOrThrow({ where: { key: SESSION_SECRET_KEY } });

    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(value).not.toContain(secret);
    expect(await loadSessionSecret()).toBe(secret);
  });

  it("seals a secret an older version stored in clear, and keeps its value so sessions survive", async () => {
    const clear = "old-clear-secret-0123456789abcdefghijklmnop";
    await db.setting.upsert({
      where: { key: SESSION_SECRET_KEY },
      create: { key: SESSION_SECRET_KEY, value: clear },
      update: { value: clear },
    });

    expect(await loadSessionSecret()).toBe(clear);
    expect((await db.setting.findUniqueOrThrow({ where: { key: SESSION_SECRET_KEY } })).value).not.toContain(clear);
    expect(await loadSessionSecret()).toBe(clear);
  });
});
