import { formatDuration } from "@/lib/base/duration.shared";
import { AppError } from "@/lib/base/errors.shared";
import type { TokenPolicy } from "./definitions.shared";

type LifetimeOptions = { appTtl?: number | null; requested?: number };

/**
 * Seconds a new access token lives: the application's own lifetime when the admin allows
 * overrides, else the default; never above the maximum (lowered maximums cap older overrides).
 * A lifetime requested for one token may only be shorter.
 */
export function accessTokenLifetime(policy: TokenPolicy, { appTtl, requested }: LifetimeOptions = {}): number {
  const base = policy.appOverridesAllowed && appTtl ? appTtl : policy.accessTokenTtl;
  const allowed = Math.min(base, policy.accessTokenMaxTtl);
  if (requested === undefined) return allowed;
  const problem = !Number.isInteger(requested)
    ? "Whole seconds only."
    : requested <= 0
      ? "Must be more than 0."
      : requested > allowed
        ? `At most ${formatDuration(allowed)}.`
        : null;
  if (problem) throw new AppError("bad_request", `Validity: ${problem}`, { ttlSeconds: [problem] });

  return requested;
}

/** Seconds a new refresh token lives: always finite, never above the maximum. */
export function refreshTokenLifetime(policy: TokenPolicy, { appTtl }: { appTtl?: number | null } = {}): number {
  const base = policy.appOverridesAllowed && appTtl ? appTtl : policy.refreshTokenTtl;

  return Math.min(base, policy.refreshTokenMaxTtl);
}
