import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";

/** Runs the operator CLI against the database the e2e server uses, and parses its --json answer. */
export function cli<T = Record<string, string>>(...args: string[]): T {
  const out = execFileSync("node", ["bin/portcullis.mjs", ...args, "--json"], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/e2e.db" },
    encoding: "utf8",
  });

  return JSON.parse(out) as T;
}

/** A subscriber with one registered application, made the way an operator would. */
export function registerClient() {
  const email = `api-${randomUUID()}@example.com`;
  const password = "api-e2e-password";
  cli("users", "create", "--email", email, "--password", password);
  const app = cli("apps", "create", "--owner", email, "--name", "API e2e");

  return { clientId: app.client_id, clientSecret: app.client_secret, email, password };
}

/** Puts a scope in the admin's catalog unless it is there already (the e2e database outlives one run). */
export function defineScope(name: string, description: string) {
  try {
    cli("scopes", "create", "--name", name, "--description", description);
  } catch (err) {
    if (!String((err as { stderr?: string }).stderr).includes("exists already")) throw err;
  }
}
