import { db } from "@/lib/data/db/client";
import { bootstrap } from "@/lib/doors/bootstrap";
import { verifyPassword } from "@/lib/engine/identity/password";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";

describe("bootstrap", () => {
  afterEach(() => {
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
  });

  it("makes the ADMIN_EMAIL account an admin once, even when other admins exist, and leaves it alone after", async () => {
    await db.user.create({ data: { email: `${randomUUID()}@other.test`, passwordHash: "-", role: "admin" } });
    const email = `Admin-${randomUUID()}@boot.test`;
    process.env.ADMIN_EMAIL = email;
    process.env.ADMIN_PASSWORD = "first-password-123";
    const lines: string[] = [];
    await bootstrap({ log: (l) => lines.push(l) });
    const admin = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(admin.passwordHash, "first-password-123")).toBe(true);
    expect(lines.join("")).not.toContain("first-password-123"); // a password from the environment is never printed

    process.env.ADMIN_PASSWORD = "second-password-456";
    await bootstrap({ log: (l) => lines.push(l) });
    const again = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(again.passwordHash).toBe(admin.passwordHash);
    expect(lines).toHaveLength(1);
  });

  it("on a later start, names the admin and the command that sets a new password", async () => {
    const email = `admin-${randomUUID()}@boot.test`;
    process.env.ADMIN_EMAIL = email;
    const lines: string[] = [];
    await bootstrap({ log: (l) => lines.push(l) });
    await bootstrap({ log: (l) => lines.push(l) });
    expect(lines[1]).toContain(`users reset-password --email ${email}`);
  });

  it("seeds one admin when instances start together on an empty database: the one that loses the race says nothing", async () => {
    const email = `admin-${randomUUID()}@boot.test`;
    process.env.ADMIN_EMAIL = email;
    process.env.ADMIN_PASSWORD = "together-password-789";
    const lines: string[] = [];
    const started = await Promise.allSettled(Array.from({ length: 4 }, () => bootstrap({ log: (l) => lines.push(l) })));
    expect(started.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(lines.filter((l) => l.includes("admin created"))).toHaveLength(1);
  });
});
