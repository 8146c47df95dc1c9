import { createClient } from "@/lib/clients/create-client";
import { db } from "@/lib/db/client";
import { randomUUID } from "node:crypto";

/** A subscriber with one application and its client credentials, in the real test database. */
export async function createTestApp({ kind = "app" as "app" | "gateway" } = {}) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.local`, passwordHash: "not-a-real-hash" } });
  if (kind === "gateway") return { user, app: null, ...(await createClient({ kind: "gateway" })) };
  const app = await db.app.create({ data: { ownerId: user.id, name: `app ${randomUUID().slice(0, 8)}` } });

  return { user, app, ...(await createClient({ appId: app.id })) };
}

type FormOptions = { basic?: [string, string]; headers?: Record<string, string>; body?: string };

/** A form-encoded POST as an OAuth client sends it; `basic` adds client_secret_basic (RFC 6749 §2.3.1 encoding). */
export function formRequest(path: string, params: Record<string, string>, { basic, headers = {}, body }: FormOptions = {}) {
  const auth: Record<string, string> = basic
    ? { authorization: `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString("base64")}` }
    : {};

  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...auth, ...headers },
    body: body ?? new URLSearchParams(params).toString(),
  });
}
