import { db } from "@/lib/db/client";
import { introspect } from "@/lib/oauth/introspect";
import { token } from "@/lib/oauth/token";
import type { Role } from "@/lib/users/schemas";
import { randomUUID } from "node:crypto";
import type { Actor } from "./schemas";

// Shared by the domain tests of lib/apps, lib/clients and lib/tokens; they run on a real database.

/** A subscriber row; the password hash is never checked by these tests. */
export async function makeUser(role: Role = "subscriber"): Promise<Actor & { role: Role }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@vitest.test`;
  const user = await db.user.create({ data: { email, passwordHash: "unused", role } });

  return { id: user.id, email: user.email, role };
}

const basic = (clientId: string, secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
const form = (clientId: string, secret: string, body: Record<string, string>) =>
  ({
    method: "POST",
    headers: { authorization: basic(clientId, secret), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body).toString(),
  }) satisfies RequestInit;

/** POST /oauth2/token (client_credentials) through the key manager's real endpoint function. */
export async function requestToken(clientId: string, secret: string) {
  const res = await token(new Request("http://localhost/oauth2/token", form(clientId, secret, { grant_type: "client_credentials" })));

  return { status: res.status, body: (await res.json()) as { access_token?: string; error?: string } };
}

/** POST /oauth2/introspect as the application's own client. */
export async function introspectAs(clientId: string, secret: string, accessToken: string) {
  const res = await introspect(new Request("http://localhost/oauth2/introspect", form(clientId, secret, { token: accessToken })));

  return (await res.json()) as { active: boolean; client_id?: string };
}
