import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { SQLITE } from "@/lib/data/store/dialect";
import { groupCommit, noResults } from "@/lib/data/store/group-commit";
import { insertTokenStatement, ISSUANCE } from "@/lib/data/store/issuance-sql";
import type { AuditRow, DriverStore, NewToken } from "@/lib/data/store/types";
import type { SqliteConnection } from "./connection";

export function sqliteIssuance({ conn, stmt }: SqliteConnection): Pick<DriverStore, "insertToken" | "insertTokens" | "redeemCode"> {
  const insertMany = conn.transaction((tokens: NewToken[], audit: AuditRow[] = []) => {
    for (const t of tokens) {
      const { sql, params } = insertTokenStatement(t, SQLITE.time);
      stmt(sql).run(...params);
    }
    for (const row of audit) stmt(INSERT_AUDIT).run(...auditParams(row, SQLITE.time));
  });
  // A group commit's tokens in one transaction; those generated for someone commit with their audit rows.
  const insertIssued = groupCommit(
    noResults(async (items: { token: NewToken; audit: AuditRow[] }[]) =>
      insertMany(
        items.map((i) => i.token),
        items.flatMap((i) => i.audit),
      ),
    ),
  );

  const redeem = conn.transaction((hash: string, at: number, tokens: NewToken[]) => {
    if (stmt(ISSUANCE.redeemCode).run(SQLITE.time(at), hash).changes === 0) return false;
    insertMany(tokens); // nested: runs inside this transaction

    return true;
  });

  return {
    insertToken: (token, audit = []) => insertIssued({ token, audit }),
    async insertTokens(tokens) {
      insertMany(tokens);
    },
    async redeemCode(hash, at, tokens) {
      return redeem(hash, at, tokens);
    },
  };
}
