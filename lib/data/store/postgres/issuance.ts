import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { utc } from "@/lib/data/store/dialect";
import { groupCommit, noResults } from "@/lib/data/store/group-commit";
import { ISSUANCE, TOKEN_COLUMNS, tokenParams } from "@/lib/data/store/issuance-sql";
import type { AuditRow, DriverStore, NewToken } from "@/lib/data/store/types";
import type { PostgresConnection, Queryable } from "./connection";

const TOKEN_INSERT_TYPES = [
  ...["text", "text", "text", "text", "text", "text", "text", "timestamp", "timestamp", "timestamp"],
  ...["text", "text", "text", "text", "text", "text"], // prefix, last4, user_id, issued_from, source, note
];
const INSERT_TOKENS = `INSERT INTO tokens (${TOKEN_COLUMNS}, prefix, last4, user_id, issued_from, source, note)
  SELECT * FROM unnest(${TOKEN_INSERT_TYPES.map((type) => `?::${type}[]`).join(", ")})`;

export function postgresIssuance({
  pool,
  query,
  transaction,
}: PostgresConnection): Pick<DriverStore, "insertToken" | "insertTokens" | "redeemCode"> {
  // Any number of tokens in one statement (column arrays, unnested into rows): a group commit, a grant's pair.
  async function insertRows(on: Queryable, tokens: NewToken[]) {
    const rows = tokens.map((t) => tokenParams(t, utc));
    await query(
      on,
      "insert_tokens",
      INSERT_TOKENS,
      TOKEN_INSERT_TYPES.map((_, i) => rows.map((r) => r[i])),
    );
  }

  // A group commit's tokens in one statement; those generated for someone commit with their audit rows.
  const insertIssued = groupCommit(
    noResults(async (items: { token: NewToken; audit: AuditRow[] }[]) => {
      const tokens = items.map((i) => i.token);
      const audit = items.flatMap((i) => i.audit);
      if (audit.length === 0) return insertRows(pool, tokens);
      await transaction(async (c) => {
        await insertRows(c, tokens);
        for (const row of audit) await query(c, "insert_audit", INSERT_AUDIT, auditParams(row, utc));
      });
    }),
  );

  return {
    insertToken: (token, audit = []) => insertIssued({ token, audit }),
    async insertTokens(tokens) {
      await insertRows(pool, tokens); // one statement: all or none
    },
    async redeemCode(hash, at, tokens) {
      return transaction(async (c) => {
        const { rowCount } = await query(c, "redeem_code", ISSUANCE.redeemCode, [utc(at), hash]);
        if (!rowCount) return false;
        if (tokens.length > 0) await insertRows(c, tokens);

        return true;
      });
    },
  };
}
