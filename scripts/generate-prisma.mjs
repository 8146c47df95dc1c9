// Generates one Prisma client per engine from prisma/schema.prisma (SQLite is the source), and
// the driver store's row types once (the Kysely generator: column names are the same on both
// engines). The PostgreSQL schema is derived, never edited by hand. Runs on postinstall.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const source = readFileSync("prisma/schema.prisma", "utf8");
const postgres = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output   = "../lib/data/db/generated/sqlite"', 'output   = "../../lib/data/db/generated/postgres"')
  .replace(/(^\/\/.*\n)*^generator kysely \{[^}]*\}\n\n?/m, ""); // one copy of the row types, from the source schema
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync(
  "prisma/postgres/schema.prisma",
  `// GENERATED from prisma/schema.prisma by scripts/generate-prisma.mjs — do not edit.\n${postgres}`,
);

// `prisma generate` needs no schema engine, but the CLI checks that one exists; any file will do.
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
// The generators are commands (prisma-kysely): found on PATH under npm, and here when run by hand.
env.PATH = `${path.resolve("node_modules/.bin")}${path.delimiter}${env.PATH ?? ""}`;
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--schema", schema], { stdio: "inherit", env });
}
