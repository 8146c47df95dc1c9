import { db } from "@/lib/data/db/client";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "./route";

const signUp = (body: unknown, ip = "192.0.2.1") =>
  POST(
    new Request("http://localhost/api/users", {
      method: "POST",
      headers: { "content-type": "application/json", "x-portcullis-client-ip": `${ip}-${randomUUID()}` },
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

  it("refuses a common password and one containing the email, saying why on the password field", async () => {
    const address = email();
    for (const [password, reason] of [
      ["password123456", /commonly used password/],
      ["qwertyuiop123", /commonly used password|easy to guess/],
      [`${address.split("@")[0]}!2024`, /email address/],
    ] as const) {
      const res = await signUp({ email: address, password });

      expect(res.status).toBe(422);
      expect((await res.json()).error.fields.password[0]).toMatch(reason);
    }
    expect(await db.user.findUnique({ where: { email: address } })).toBeNull();
  });

  it("throttles sign-ups from one address", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const from = (body: unknown) =>
      POST(
        new Request("http://localhost/api/users", {
          method: "POST",
          headers: { "content-type": "application/json", "x-portcullis-client-ip": ip },
          body: JSON.stringify(body),
        }),
      );
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await from({ email: email(), password: "long-enough-pw" })).status);

    expect(answers.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});
