import path from "node:path";

export type Engine = "sqlite" | "postgresql";

/** DATABASE_URL picks the engine: postgres(ql):// → PostgreSQL, anything else is a SQLite file. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** `file:./data/x.db` → absolute path of the SQLite file, resolved from the working directory. */
export function sqlitePath(url: string): string {
  const file = url.replace(/^file:/, "");

  return file === ":memory:" ? file : path.resolve(file);
}
