import type { QueuedNotices } from "./queued-notices";

/** An RFC 6749 §5.2 error: `error` code, HTTP status and a description safe to show the client. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status: number,
    description: string,
    readonly basicChallenge = false, // 401 with WWW-Authenticate when the client tried HTTP Basic
  ) {
    super(description);
    this.name = new.target.name;
  }

  /** Notices the refusal's own transaction queued (a replayed code or refresh token revokes its family). */
  notices?: QueuedNotices;

  /** A 429's Retry-After. */
  retryAfterSeconds?: number;
}

/** The refusal, carrying what its transaction queued so the door flushes it. */
export function refusedWith(err: OAuthError, notices: QueuedNotices): OAuthError {
  err.notices = notices;

  return err;
}

export const invalidRequest = (why = "request is malformed") => new OAuthError("invalid_request", 400, why);
export const invalidClient = (basic: boolean, why = "client authentication failed") => new OAuthError("invalid_client", 401, why, basic);
export const invalidGrant = (why = "grant is invalid, expired or revoked") => new OAuthError("invalid_grant", 400, why);
export const invalidScope = (why = "scope is malformed") => new OAuthError("invalid_scope", 400, why);
export const unauthorizedClient = (why = "client may not use this grant type") => new OAuthError("unauthorized_client", 400, why);
export const unsupportedGrantType = () => new OAuthError("unsupported_grant_type", 400, "grant_type is not supported");
export const payloadTooLarge = () => new OAuthError("invalid_request", 413, "request body is over 64 KiB");
