import { migrate } from "@/lib/data/db/migrate";
import { execFileSync } from "node:child_process";

/**
 * Tests run against a real database: the one DATABASE_URL names (scripts/test.sh makes it fresh).
 * dist/ is rebuilt first (a second): tests that run the compiled CLI run this checkout's code.
 */
export default async function setup() {
  execFileSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });
  process.env.DATABASE_URL ??= "file:./data/test.db";
  await migrate(process.env.DATABASE_URL);
}
