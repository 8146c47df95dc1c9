// npm run db:migration -- <name>
// Writes the SQL that takes the database from the schema of the last migration to
// prisma/schema.prisma, once per engine, using Prisma's schema engine (WebAssembly build:
// the native one cannot be downloaded here). Diffing two datamodels needs no database, but
// the engine wants an adapter of the target engine: SQLite in memory, and the local PostgreSQL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(1);
}
const SNAPSHOT = "prisma/migrations/schema-at-last-migration.prisma";
const current = readFileSync("prisma/schema.prisma", "utf8");
const previous = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, "utf8") : null;
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

const engines = {
  sqlite: { provider: "sqlite", adapter: () => new PrismaBetterSqlite3({ url: ":memory:" }) },
  postgresql: {
    provider: "postgresql",
    adapter: () => new PrismaPg({ connectionString: process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
  },
};
const forProvider = (schema, provider) => schema.replace('provider = "sqlite"', `provider = "${provider}"`);

for (const [dir, { provider, adapter }] of Object.entries(engines)) {
  const files = (schema) => [{ path: "schema.prisma", content: forProvider(schema, provider) }];
  const datamodels = files(current).map((f) => [f.path, f.content]);
  const engine = await SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(adapter()));
  const { stdout } = await engine.diff({
    from: previous ? { tag: "schemaDatamodel", files: files(previous) } : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: files(current) },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = stdout.trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log(`${dir}: no changes`);
    continue;
  }
  const out = `prisma/migrations/${dir}/${stamp}_${name}`;
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/migration.sql`, `${sql}\n`);
  console.log(`wrote ${out}/migration.sql`);
}
writeFileSync(SNAPSHOT, current);
