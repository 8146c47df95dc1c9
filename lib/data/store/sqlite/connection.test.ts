import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "./connection";

const dir = mkdtempSync(path.join(tmpdir(), "portcullis-sync-"));
afterEach(() => void delete process.env.PORTCULLIS_SQLITE_SYNC);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the SQLite store's durability", () => {
  it("syncs at checkpoints by default (NORMAL) and at every commit with PORTCULLIS_SQLITE_SYNC=full", () => {
    const synchronous = (name: string) => {
      const { conn } = openSqlite(path.join(dir, name));
      try {
        return conn.pragma("synchronous", { simple: true });
      } finally {
        conn.close();
      }
    };
    expect(synchronous("default.db")).toBe(1);
    process.env.PORTCULLIS_SQLITE_SYNC = "full";
    expect(synchronous("full.db")).toBe(2);
  });
});
