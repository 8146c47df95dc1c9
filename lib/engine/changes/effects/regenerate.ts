import type { NewToken } from "@/lib/data/store";
import { insertTokenStatement } from "@/lib/data/store/issuance-sql";
import type { Effect } from "./effect";

/** regenerate: the new token commits with the revocation of the old ones (after it, so it is not revoked with them). */
export const regenerate: Effect<{ token: NewToken }> = ({ token }, { dialect }) => [insertTokenStatement(token, dialect.time)];
