import { SQLITE } from "@/lib/data/store/dialect";
import { groupCommit, noResults } from "@/lib/data/store/group-commit";
import { insertTokenStatement, ISSUANCE } from "@/lib/data/store/issuance-sql";
import type { DriverStore, NewToken } from "@/lib/data/store/types";
import type { SqliteConnection } from "./connection";

export function sqliteIssuance({ conn, stmt }: SqliteConnection): Pick<DriverStore, "insertToken" | "insertTokens" | "redeemCode"> {
  const insertMany = conn.transaction((tokens: NewToken[]) => {
    for (const t of tokens) {
      const { sql, params } = insertTokenStatement(t, SQLITE.time);
      stmt(sql).run(...params);
    }
  });

  const redeem = conn.transaction((hash: string, at: number, tokens: NewToken[]) => {
    if (stmt(ISSUANCE.redeemCode).run(SQLITE.time(at), hash).changes === 0) return false;
    insertMany(tokens); // nested: runs inside this transaction

    return true;
  });

  return {
    insertToken: groupCommit(noResults(async (tokens: NewToken[]) => insertMany(tokens))),
    async insertTokens(tokens) {
      insertMany(tokens);
    },
    async redeemCode(hash, at, tokens) {
      return redeem(hash, at, tokens);
    },
  };
}
