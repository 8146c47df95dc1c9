import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { SQLITE } from "@/lib/data/store/dialect";
import { groupCommit } from "@/lib/data/store/group-commit";
import type { RawChanged } from "@/lib/data/store/rows";
import { toChanged } from "@/lib/data/store/token-change-sql";
import type { DriverStore, TokenChange } from "@/lib/data/store/types";
import type { SqliteConnection } from "./connection";
import type { SqliteOutbox } from "./outbox";

const time = SQLITE.time;

/** Token changes on SQLite: each cause's token statement, effect, audit rows and notices, in one transaction. */
export function sqliteTokenChanges({ conn, stmt }: SqliteConnection, { queue }: SqliteOutbox): Pick<DriverStore, "commitTokenChange"> {
  const applyTokenChange = (change: TokenChange) => {
    const changed = (stmt(change.tokens.sql).all(...change.tokens.params) as RawChanged[]).map(toChanged);
    // After the token statement, so a regenerate does not revoke the token it issues.
    for (const s of change.effect(changed)) stmt(s.sql).run(...s.params);
    for (const row of change.audit(changed)) stmt(INSERT_AUDIT).run(...auditParams(row, time));

    return { changed, notices: queue(change.tokens.notice, changed, change.at) };
  };
  const commitAll = conn.transaction((changes: TokenChange[]) => changes.map(applyTokenChange));

  return {
    // Concurrent changes share one write transaction, like issuances.
    commitTokenChange: groupCommit(async (changes: TokenChange[]) => commitAll(changes)),
  };
}
