import { db } from "@/lib/db/client";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "./route";

const signUp = (body: unknown) =>
  POST(
    new Request("http://localhost/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const email = () => `${randomUUID()}@test.local`;

describe("POST /api/users", () => {
  it("creates a subscriber, even when the body asks for admin", async () => {
    const address = email();
    const res = await signUp({ email: address, password: "long-enough-pw", role: "admin", name: "" });

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: address, role: "subscriber" });
    expect(await db.user.findUnique({ where: { email: address }, select: { role: true, name: true } })).toEqual({
      role: "subscriber",
      name: null,
    });
  });

  it("answers 422 with a message per field", async () => {
    const res = await signUp({ email: "not-an-email", password: "short" });

    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.fields).toEqual({ email: ["Enter a valid email address."], password: ["Use at least 10 characters."] });
  });

  it("answers 409 on the email field when it is taken", async () => {
    const address = email();
    await signUp({ email: address, password: "long-enough-pw" });
    const res = await signUp({ email: address.toUpperCase(), password: "long-enough-pw" });

    expect(res.status).toBe(409);
    expect((await res.json()).error.fields.email).toEqual(["An account with this email already exists."]);
  });

  it("answers 400, not 500, for a body that is not JSON", async () => {
    expect((await signUp("{not json")).status).toBe(400);
    expect((await signUp("null")).status).toBe(422);
  });
});
