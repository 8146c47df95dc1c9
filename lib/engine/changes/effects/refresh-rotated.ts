import type { NewToken } from "@/lib/data/store";
import { insertTokenStatement } from "@/lib/data/store/issuance-sql";
import type { Effect } from "./effect";

/**
 * refresh_rotated: the new pair commits only if the refresh token it replaces was still unrevoked
 * when the transaction ran (the verb's read could be stale: then a second use won, and this one issues nothing).
 */
export const refreshRotated: Effect<{ tokens: NewToken[] }> = ({ tokens }, { changed, dialect }) =>
  changed.length === 0 ? [] : tokens.map((t) => insertTokenStatement(t, dialect.time));
