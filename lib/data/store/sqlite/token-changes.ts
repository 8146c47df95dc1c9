import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { SQLITE } from "@/lib/data/store/dialect";
import { groupCommit } from "@/lib/data/store/group-commit";
import type { RawChanged } from "@/lib/data/store/rows";
import { toChanged } from "@/lib/data/store/token-change-sql";
import type { DriverStore, TokenChange } from "@/lib/data/store/types";
import type { SqliteConnection } from "./connection";
import type { SqliteOutbox } from "./outbox";

const time = SQLITE.time;

/** Token changes on SQLite: each cause's token statement, effect and audit rows, then the batch's notices, in one transaction. */
export function sqliteTokenChanges({ conn, stmt }: SqliteConnection, { queue }: SqliteOutbox): Pick<DriverStore, "commitTokenChange"> {
  // A token change's own statements; its events are queued with the rest of its batch.
  const applyTokenChange = (change: TokenChange) => {
    const changed = (stmt(change.tokens.sql).all(...change.tokens.params) as RawChanged[]).map(toChanged);
    // After the token statement, so a regenerate does not revoke the token it issues.
    for (const s of change.effect(changed)) stmt(s.sql).run(...s.params);
    for (const row of change.audit(changed)) stmt(INSERT_AUDIT).run(...auditParams(row, time));

    return changed;
  };
  const commitAll = conn.transaction((changes: TokenChange[]) => {
    const applied = changes.map(applyTokenChange);
    const notices = queue(changes.map((change, i) => ({ type: change.tokens.notice, tokens: applied[i] })));

    return applied.map((changed, i) => ({ changed, notices: notices[i] }));
  });

  return {
    // Concurrent changes share one write transaction, like issuances.
    commitTokenChange: groupCommit(async (changes: TokenChange[]) => commitAll(changes)),
  };
}
