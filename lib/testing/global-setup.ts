import { migrate } from "@/lib/data/db/migrate";

/** Tests run against a real database: the one DATABASE_URL names (scripts/test.sh makes it fresh). */
export default async function setup() {
  process.env.DATABASE_URL ??= "file:./data/test.db";
  await migrate(process.env.DATABASE_URL);
}
