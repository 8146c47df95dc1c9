import type { CauseWith } from "@/lib/engine/changes/causes.shared";
import { appDeleted } from "./app-deleted";
import type { Effect } from "./effect";
import { grantRevoked } from "./grant-revoked";
import { passwordChanged } from "./password-changed";
import { refreshRetried } from "./refresh-retried";
import { refreshRotated } from "./refresh-rotated";
import { regenerate } from "./regenerate";
import { secretRegenerated } from "./secret-regenerated";
import { userSuspended } from "./user-suspended";

/** The causes with an `effect` in their row, and theirs: one key each, no more, no fewer (the type says so). */
export const EFFECTS = {
  regenerate,
  app_deleted: appDeleted,
  secret_regenerated: secretRegenerated,
  refresh_rotated: refreshRotated,
  refresh_retried: refreshRetried,
  grant_revoked: grantRevoked,
  user_suspended: userSuspended,
  password_changed: passwordChanged,
} satisfies { [C in CauseWithEffect]: Effect<never> };

export type CauseWithEffect = CauseWith<{ effect: string }>;
/** What a cause's verb hands its effect. */
export type EffectArgs<C extends CauseWithEffect> = Parameters<(typeof EFFECTS)[C]>[0];
