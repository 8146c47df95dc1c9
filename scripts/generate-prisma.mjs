// Generates one Prisma client per engine from prisma/schema.prisma (SQLite is the source).
// The PostgreSQL schema is derived, never edited by hand. Runs on postinstall.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const postgres = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output   = "../lib/data/db/generated/sqlite"', 'output   = "../../lib/data/db/generated/postgres"');
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync(
  "prisma/postgres/schema.prisma",
  `// GENERATED from prisma/schema.prisma by scripts/generate-prisma.mjs — do not edit.\n${postgres}`,
);

// `prisma generate` needs no schema engine, but the CLI checks that one exists; any file will do.
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--schema", schema], { stdio: "inherit", env });
}
