import Database from "better-sqlite3";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { privateSqliteFile } from "./private-sqlite-file";

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("the SQLite file", () => {
  it("is created readable by its owner alone, and so are its -wal and -shm files", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "portcullis-mode-")), "data", "portcullis.db");
    await migrate(`file:${file}`);
    const conn = new Database(file); // WAL mode (set by the migration): the first write makes -wal and -shm
    conn.exec("CREATE TABLE mode_probe (x)");

    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)].map((m) => m.toString(8))).toEqual(["600", "600", "600"]);
    conn.close();
  });

  it("tightens a database file an older start left world-readable", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "portcullis-mode-")), "old.db");
    writeFileSync(file, "", { mode: 0o644 });
    privateSqliteFile(file);

    expect(modeOf(file).toString(8)).toBe("600");
  });
});
