import { hashToken } from "@/lib/base/hash-token";
import { engineOf, sqlitePath } from "@/lib/data/db/engine";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import pg from "pg";

const DAY = 86_400_000;
const COLUMNS = "id, hash, prefix, last4, type, client_id, grant_id, scope, created_at, expires_at, revoked_at, revoked_by, revoked_reason";

/**
 * Bulk-loads tokens straight into the table (the benchmark's setup, not the code under test):
 * `dead` tokens that expired or were revoked 5 days ago, and `live` ones whose values are returned
 * (unless `keepValues` is false: millions of tokens that only fill the store).
 */
export async function seedTokens({
  clientId,
  dead,
  live,
  keepValues = true,
}: {
  clientId: string;
  dead: number;
  live: number;
  keepValues?: boolean;
}): Promise<string[]> {
  const now = Date.now();
  const liveValues: string[] = [];
  const row = (i: number): unknown[] => {
    if (i < live) {
      const v = `pcl_at_${randomBytes(32).toString("base64url")}`;
      if (keepValues) liveValues.push(v);
      return [
        `live-${i}`,
        hashToken(v),
        "pcl_at_",
        v.slice(-4),
        "access_token",
        clientId,
        `live-${i}`,
        "",
        now,
        now + DAY,
        null,
        null,
        null,
      ];
    }
    const revoked = i % 2 === 0;
    const created = now - 5 * DAY - 3_600_000;
    return [
      `dead-${i}`,
      hashToken(`dead-${i}`),
      "pcl_at_",
      "dead",
      "access_token",
      clientId,
      `dead-${i}`,
      "",
      created,
      now - 5 * DAY,
      revoked ? created + 60_000 : null,
      revoked ? "bench" : null,
      revoked ? "cli" : null,
    ];
  };
  const url = process.env.DATABASE_URL!;
  if (engineOf(url) === "sqlite") {
    const conn = new Database(sqlitePath(url));
    const insert = conn.prepare(
      `INSERT INTO tokens (${COLUMNS}) VALUES (${COLUMNS.split(",")
        .map(() => "?")
        .join(", ")})`,
    );
    const batch = conn.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) insert.run(...row(i));
    });
    for (let i = 0; i < live + dead; i += 50_000) batch(i, Math.min(live + dead, i + 50_000));
    conn.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const utc = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString().slice(0, -1) : v);
    for (let i = 0; i < live + dead; i += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, live + dead - i) }, (_, k) => row(i + k).map(utc));
      const values = rows.map((r, k) => `(${r.map((_, c) => `$${k * r.length + c + 1}`).join(", ")})`).join(", ");
      await client.query(`INSERT INTO tokens (${COLUMNS}) VALUES ${values}`, rows.flat());
    }
    await client.end();
  }

  return liveValues;
}
