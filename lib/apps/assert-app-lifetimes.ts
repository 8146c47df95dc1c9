import { formatDuration } from "@/lib/base/duration.shared";
import { AppError } from "@/lib/base/errors.shared";
import type { TokenPolicy } from "@/lib/engine/settings/definitions.shared";
import type { AppSummary } from "./schemas.shared";

type Lifetimes = { accessTokenTtl?: number | null; refreshTokenTtl?: number | null };

/**
 * An application's own lifetimes: settable only while the admin allows overrides, and never above
 * the current maximums. Clearing one (null) is always allowed; an unchanged one is not re-judged,
 * since a lowered maximum already caps it when tokens are issued.
 */
export function assertAppLifetimes(policy: TokenPolicy, before: AppSummary, changes: Lifetimes): void {
  const limits = { accessTokenTtl: policy.accessTokenMaxTtl, refreshTokenTtl: policy.refreshTokenMaxTtl } as const;
  const fields: Record<string, string[]> = {};
  for (const key of ["accessTokenTtl", "refreshTokenTtl"] as const) {
    const value = changes[key];
    if (value === undefined || value === null || value === before[key]) continue;
    if (!policy.appOverridesAllowed) fields[key] = ["The admin doesn't allow applications to set their own lifetimes."];
    else if (value > limits[key])
      fields[key] = [`At most ${formatDuration(limits[key])} (${limits[key]} s), the maximum the admin allows.`];
  }
  const [first] = Object.values(fields);
  if (first) throw new AppError("bad_request", first[0], fields);
}
