import { db } from "@/lib/data/db/client";
import { authOptions } from "@/lib/doors/auth/options";
import { hashPassword } from "@/lib/engine/identity/password";
import { makeUser } from "@/lib/testing/factories";
import { changePassword } from "@/lib/users/change-password";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { endUserSessions } from "./end-user-sessions";

// next-auth's own callbacks, as getServerSession runs them on every session read.
type Jwt = (params: { token: JWT; user?: unknown }) => Promise<JWT>;
const jwt = authOptions.callbacks!.jwt as unknown as Jwt;
const signOutEvent = authOptions.events!.signOut as (message: { token: JWT }) => Promise<void>;

async function signIn(user: { id: string; email: string; role: string }) {
  return jwt({ token: {}, user: { ...user, name: null } });
}
const stillSignedIn = async (token: JWT) => Boolean((await jwt({ token })).id);

describe("server-side sessions", () => {
  it("sign-out ends the session: a copy of the cookie stops working", async () => {
    const user = await makeUser();
    const token = await signIn(user);
    expect(await stillSignedIn(token)).toBe(true);

    await signOutEvent({ token });

    expect(await stillSignedIn(token)).toBe(false);
  });

  it("renewal by use stops at the absolute lifetime", async () => {
    const user = await makeUser();
    const token = await signIn(user);
    await db.session.update({ where: { id: token.sid! }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await stillSignedIn(token)).toBe(false);
  });

  it("a cookie from before server-side sessions (no session id) is signed out", async () => {
    const user = await makeUser();

    expect(await stillSignedIn({ id: user.id, email: user.email, role: "subscriber" })).toBe(false);
  });

  it("endUserSessions ends every session of one user and no one else's", async () => {
    const [user, other] = [await makeUser(), await makeUser()];
    const tokens = [await signIn(user), await signIn(user)];
    const others = await signIn(other);

    expect(await endUserSessions({ userId: user.id })).toBe(2);
    expect(await Promise.all(tokens.map(stillSignedIn))).toEqual([false, false]);
    expect(await stillSignedIn(others)).toBe(true);
  });

  it("a role change applies from the next session read", async () => {
    const user = await makeUser("admin");
    const token = await signIn(user);
    await db.user.update({ where: { id: user.id }, data: { role: "subscriber" } });

    expect((await jwt({ token })).role).toBe("subscriber");
  });
});

describe("changePassword", () => {
  const current = "my current passphrase 1";

  async function userWithPassword() {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(current) } });

    return user;
  }

  it("sets the new password and ends every session of the user", async () => {
    const user = await userWithPassword();
    const tokens = [await signIn(user), await signIn(user)];

    await expect(
      changePassword({ actor: user, input: { currentPassword: current, newPassword: "an entirely new passphrase" } }),
    ).resolves.toMatchObject({ revokedTokens: 0 });
    expect(await Promise.all(tokens.map(stillSignedIn))).toEqual([false, false]);
  });

  it("refuses a wrong current password or a weak new one, changing nothing", async () => {
    const user = await userWithPassword();
    const token = await signIn(user);
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const attempt = (input: object) => changePassword({ actor: user, input }).catch((e) => e);

    expect((await attempt({ currentPassword: "wrong one", newPassword: "an entirely new passphrase" })).fields).toEqual({
      currentPassword: ["This is not your current password."],
    });
    expect((await attempt({ currentPassword: current, newPassword: "password1234" })).fields.newPassword[0]).toMatch(/common/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
    expect(await stillSignedIn(token)).toBe(true);
  });
});
